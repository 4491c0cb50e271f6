import type { Plugin } from 'graphql-yoga';
import { toCsv, toGexf, toGraphml, toMarkdown } from '../analysis/exports.js';
import type { Logger } from '../logger.js';
import { NetworkBusyError, NetworkPendingError, StoreError } from '../store/errors.js';
import type { NetworkCache } from './network-cache.js';
import { NetworkRequestError, networkFileStem, parseNetworkRequest } from './network-options.js';

/** The export files served over HTTP, by path. */
export const NETWORK_EXPORTS: Readonly<
  Record<
    string,
    {
      readonly type: string;
      readonly extension: string;
      readonly render: (r: Parameters<typeof toGexf>[0]) => string;
    }
  >
> = {
  '/export/network.gexf': { type: 'application/gexf+xml; charset=utf-8', extension: 'gexf', render: toGexf },
  '/export/network.graphml': {
    type: 'application/graphml+xml; charset=utf-8',
    extension: 'graphml',
    render: toGraphml,
  },
  '/export/nodes.csv': {
    type: 'text/csv; charset=utf-8',
    extension: 'nodes.csv',
    render: (r) => toCsv(r).nodes,
  },
  '/export/edges.csv': {
    type: 'text/csv; charset=utf-8',
    extension: 'edges.csv',
    render: (r) => toCsv(r).edges,
  },
  '/export/network.md': {
    type: 'text/markdown; charset=utf-8',
    extension: 'md',
    render: (r) => toMarkdown(r),
  },
};

/**
 * Serves network exports beside GraphQL: GET /export/network.gexf?projection=organisations&weight=funding
 * &period=2019/20 (and .graphml, nodes.csv, edges.csv, network.md), as downloads with a file name.
 */
export function useNetworkExports(cache: NetworkCache, log: Logger): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      const spec = NETWORK_EXPORTS[url.pathname];
      if (!spec) return;
      if (request.method !== 'GET') {
        endResponse(new Response('use GET', { status: 405, headers: { allow: 'GET' } }));
        return;
      }
      try {
        const options = parseNetworkRequest(Object.fromEntries(url.searchParams.entries()));
        const { result } = await cache.get(options);
        endResponse(
          new Response(spec.render(result), {
            status: 200,
            headers: {
              'content-type': spec.type,
              'content-disposition': `attachment; filename="${networkFileStem(options)}.${spec.extension}"`,
            },
          }),
        );
      } catch (error) {
        if (error instanceof NetworkRequestError) {
          endResponse(
            new Response(`bad request: ${error.message}\n`, {
              status: 400,
              headers: { 'content-type': 'text/plain' },
            }),
          );
          return;
        }
        if (error instanceof NetworkPendingError || error instanceof NetworkBusyError) {
          const why =
            error instanceof NetworkPendingError
              ? 'the network is still being analysed'
              : 'the service is analysing as many networks as it runs at once';
          endResponse(
            new Response(`${why} (${error.code}); ask again shortly\n`, {
              status: 429,
              headers: { 'content-type': 'text/plain', 'retry-after': '5' },
            }),
          );
          return;
        }
        const code = error instanceof StoreError ? error.code : 'INTERNAL_SERVER_ERROR';
        log.error({ err: error, path: url.pathname }, 'network export failed');
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
