import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../logger.js';
import { NetworkRequestError } from '../network/network-options.js';
import { NetworkBusyError, NetworkPendingError, StoreError } from '../store/errors.js';

/** A file served for download: its media type, the name it is saved under, and its text. */
export interface Download {
  readonly type: string;
  readonly fileName: string;
  readonly text: string;
}

/** One family of downloads: what each path serves, and how one request to one of them is answered. */
export interface Downloads<Spec> {
  /** What they are, for the log: "graph export". */
  readonly what: string;
  readonly files: Readonly<Record<string, Spec>>;
  readonly download: (url: URL, spec: Spec) => Promise<Download>;
}

const TEXT = { 'content-type': 'text/plain; charset=utf-8' };

/** How a failed download is answered: a status and a sentence a person can act on. */
function failure(error: unknown): { status: number; text: string; retry: boolean } {
  if (error instanceof NetworkRequestError)
    return { status: 400, text: `bad request: ${error.message}`, retry: false };
  if (error instanceof NetworkPendingError || error instanceof NetworkBusyError) {
    const why =
      error instanceof NetworkPendingError
        ? 'the network is still being analysed'
        : 'the service is analysing as many networks as it runs at once';
    return { status: 429, text: `${why} (${error.code}); ask again shortly`, retry: true };
  }
  if (error instanceof StoreError) {
    // An empty file that looks like success would hide a store never loaded (the CLI refuses too).
    const text =
      error.code === 'STORE_EMPTY'
        ? 'the store holds no graph yet: load the seeds (hlp-graph load) or wait for the service to load them (STORE_EMPTY)'
        : `the export failed (${error.code}); try again shortly`;
    return { status: 503, text, retry: true };
  }
  return { status: 500, text: 'the export failed (INTERNAL_SERVER_ERROR); try again shortly', retry: false };
}

/**
 * Serves downloads beside GraphQL: a GET (or HEAD) of a path the family serves gets the file, with a
 * Content-Disposition that names it; any other method 405. A failure answers plain text: a bad
 * parameter 400, an analysis still running or too many at once 429, a store that fails or holds no
 * graph 503 (both with Retry-After), anything else 500. Every family renders each file once per
 * graph version (the callers keep them in a versioned cache), so a download after the first costs
 * a version check.
 */
export function useDownloads<Spec>(downloads: Downloads<Spec>, log: Logger): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      const spec = downloads.files[url.pathname];
      if (!spec) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new Response('use GET\n', { status: 405, headers: { ...TEXT, allow: 'GET, HEAD' } }));
        return;
      }
      try {
        const file = await downloads.download(url, spec);
        const headers = {
          'content-type': file.type,
          'content-disposition': `attachment; filename="${file.fileName}"`,
        };
        endResponse(new Response(request.method === 'HEAD' ? null : file.text, { status: 200, headers }));
      } catch (error) {
        const { status, text, retry } = failure(error);
        // A bad parameter, an analysis under way or a store not loaded yet is the caller's to retry:
        // a warning (a client polling before the first load would otherwise fill the log with
        // errors). A store that fails, or anything unexpected, is an error for whoever runs it.
        const expected = status < 500 || (error instanceof StoreError && error.code === 'STORE_EMPTY');
        if (expected) log.warn({ err: error, path: url.pathname, status }, `${downloads.what} refused`);
        else log.error({ err: error, path: url.pathname, status }, `${downloads.what} failed`);
        endResponse(
          new Response(`${text}\n`, {
            status,
            headers: { ...TEXT, ...(retry ? { 'retry-after': '5' } : {}) },
          }),
        );
      }
    },
  };
}
