import type { VersionedCache } from '../cache/versioned-cache.js';
import { graphToGexf } from '../export/graph-gexf.js';
import { graphToJson } from '../export/graph-json.js';
import type { Logger } from '../logger.js';
import type { GraphData } from '../model/records.js';
import { StoreError } from '../store/errors.js';
import type { GraphStore } from '../store/port.js';
import { type Download, useDownloads } from './downloads.js';

/** The downloads of the whole graph served over HTTP, by path. */
export const GRAPH_EXPORTS: Readonly<
  Record<string, Omit<Download, 'text'> & { readonly render: (graph: GraphData) => string }>
> = {
  // The CLI's export (hlp-graph export --format json), byte for byte.
  '/export/graph.json': {
    type: 'application/json; charset=utf-8',
    fileName: 'hlp-graph.json',
    render: graphToJson,
  },
  '/export/graph.gexf': {
    type: 'application/gexf+xml; charset=utf-8',
    fileName: 'hlp-graph.gexf',
    render: graphToGexf,
  },
};

/**
 * Serves the whole graph beside GraphQL, from the store the service holds open: GET
 * /export/graph.json (the CLI's JSON export) and /export/graph.gexf (GEXF 1.3 for Gephi). Each text
 * is rendered once per graph version and kept in `cache`: a download reads the whole graph, and
 * repeating that for every click would be the most expensive request the service answers. A store
 * that holds no graph answers 503 STORE_EMPTY (the CLI refuses an empty store for the same reason).
 */
export function useGraphExports(store: GraphStore, cache: VersionedCache, log: Logger) {
  return useDownloads(
    {
      what: 'graph export',
      files: GRAPH_EXPORTS,
      download: async (url, spec) => {
        const { value: text } = await cache.get(`graph-export:${url.pathname}`, async () => {
          const graph = (await store.graphVersion()) === null ? null : await store.readGraph();
          // A store never loaded, or loaded with nothing (a cleared Neo4j database), has no graph to give.
          if (!graph || graph.nodes.length === 0)
            throw new StoreError('STORE_EMPTY', `the ${store.engine} store holds no graph`);
          return spec.render(graph);
        });
        return { type: spec.type, fileName: spec.fileName, text };
      },
    },
    log,
  );
}
