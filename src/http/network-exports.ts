import { toCsv, toGexf, toGraphml, toMarkdown } from '../analysis/exports.js';
import type { Logger } from '../logger.js';
import type { NetworkCache } from '../network/network-cache.js';
import { networkFileStem, parseNetworkRequest } from '../network/network-options.js';
import { useDownloads } from './downloads.js';

type NetworkResult = Parameters<typeof toGexf>[0];

/** The network files served over HTTP, by path: media type, file name ending and renderer. */
export const NETWORK_EXPORTS: Readonly<
  Record<
    string,
    { readonly type: string; readonly extension: string; readonly render: (r: NetworkResult) => string }
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
 * &period=2019/20 (and .graphml, nodes.csv, edges.csv, network.md), named after what they hold. The
 * analysis comes from the network cache (computed once per graph version and options).
 */
export function useNetworkExports(cache: NetworkCache, log: Logger) {
  return useDownloads(
    {
      what: 'network export',
      files: NETWORK_EXPORTS,
      download: async (url, spec) => {
        const options = parseNetworkRequest(Object.fromEntries(url.searchParams.entries()));
        const { result } = await cache.get(options);
        return {
          type: spec.type,
          fileName: `${networkFileStem(options)}.${spec.extension}`,
          text: spec.render(result),
        };
      },
    },
    log,
  );
}
