import type { Plugin } from 'graphql-yoga';
import type { VersionedCache } from '../cache/versioned-cache.js';
import { graphToGexf } from '../export/graph-gexf.js';
import { graphToJson } from '../export/graph-json.js';
import type { Logger } from '../logger.js';
import type { GraphData } from '../model/records.js';
import { StoreError } from '../store/errors.js';
import type { GraphStore } from '../store/port.js';

interface GraphExport {
  readonly type: string;
  readonly fileName: string;
  readonly render: (graph: GraphData) => string;
}

/** The downloads of the whole graph served over HTTP, by path. */
export const GRAPH_EXPORTS: Readonly<Record<string, GraphExport>> = {
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
 * /export/graph.json (the CLI's JSON export) and /export/graph.gexf (GEXF 1.3 for Gephi), as
 * downloads with a file name. Each text is rendered once per graph version and kept in `cache`:
 * a download reads the whole graph, and repeating that for every click would be the most
 * expensive request the service answers. 405 for any method but GET; 503 when the store fails or
 * holds no graph (the CLI refuses an empty store for the same reason: an empty file that looks
 * like success hides a store never loaded).
 */
export function useGraphExports(store: GraphStore, cache: VersionedCache, log: Logger): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      const spec = GRAPH_EXPORTS[url.pathname];
      if (!spec) return;
      if (request.method !== 'GET') {
        endResponse(new Response('use GET\n', { status: 405, headers: { allow: 'GET' } }));
        return;
      }
      try {
        const { value: text } = await cache.get(`graph-export:${url.pathname}`, async () => {
          const graph = (await store.graphVersion()) === null ? null : await store.readGraph();
          // A store never loaded, or loaded with nothing (a cleared Neo4j database), has no graph to give.
          if (!graph || graph.nodes.length === 0)
            throw new StoreError('STORE_EMPTY', `the ${store.engine} store holds no graph`);
          return spec.render(graph);
        });
        endResponse(
          new Response(text, {
            status: 200,
            headers: {
              'content-type': spec.type,
              'content-disposition': `attachment; filename="${spec.fileName}"`,
            },
          }),
        );
      } catch (error) {
        if (error instanceof StoreError) {
          log.warn({ err: error, code: error.code, path: url.pathname }, 'graph export failed');
          const why =
            error.code === 'STORE_EMPTY'
              ? 'the store holds no graph yet: load the seeds (hlp-graph load) or wait for the service to load them'
              : 'the export failed; try again shortly';
          endResponse(
            new Response(`${why} (${error.code})\n`, {
              status: 503,
              headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' },
            }),
          );
          return;
        }
        log.error({ err: error, path: url.pathname }, 'graph export failed');
        endResponse(
          new Response('the export failed (INTERNAL_SERVER_ERROR)\n', {
            status: 500,
            headers: { 'content-type': 'text/plain; charset=utf-8' },
          }),
        );
      }
    },
  };
}
