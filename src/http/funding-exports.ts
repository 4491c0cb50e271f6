import type { Plugin } from 'graphql-yoga';
import type { VersionedCache } from '../cache/versioned-cache.js';
import { fundingCsv, fundingJson } from '../export/funding-export.js';
import type { Logger } from '../logger.js';
import { StoreError } from '../store/errors.js';
import type { FundingLineRecord, GraphStore } from '../store/port.js';

/** The funding downloads served over HTTP, by path. */
export const FUNDING_EXPORTS: Readonly<
  Record<
    string,
    {
      readonly type: string;
      readonly fileName: string;
      readonly render: (lines: readonly FundingLineRecord[]) => string;
    }
  >
> = {
  '/export/funding.csv': {
    type: 'text/csv; charset=utf-8; header=present',
    fileName: 'hlp-funding.csv',
    render: fundingCsv,
  },
  '/export/funding.json': {
    type: 'application/json; charset=utf-8',
    fileName: 'hlp-funding.json',
    render: fundingJson,
  },
};

/**
 * Serves every funding line as a download: GET /export/funding.csv and /export/funding.json, in
 * 360Giving-style columns (see export/funding-export.ts). The store reads the lines in one
 * statement; each file is rendered once per graph version and kept in the shared cache, so a
 * download after the first costs a version check.
 */
export function useFundingExports(store: GraphStore, cache: VersionedCache, log: Logger): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      const spec = FUNDING_EXPORTS[url.pathname];
      if (!spec) return;
      if (request.method !== 'GET') {
        endResponse(new Response('use GET', { status: 405, headers: { allow: 'GET' } }));
        return;
      }
      try {
        const { value } = await cache.get(`funding-export:${url.pathname}`, async () =>
          spec.render(await store.fundingLines()),
        );
        endResponse(
          new Response(value, {
            status: 200,
            headers: {
              'content-type': spec.type,
              'content-disposition': `attachment; filename="${spec.fileName}"`,
            },
          }),
        );
      } catch (error) {
        const code = error instanceof StoreError ? error.code : 'INTERNAL_SERVER_ERROR';
        log.error({ err: error, path: url.pathname }, 'funding export failed');
        endResponse(
          new Response(`the export failed (${code}); try again shortly\n`, {
            status: error instanceof StoreError ? 503 : 500,
            headers: { 'content-type': 'text/plain' },
          }),
        );
      }
    },
  };
}
