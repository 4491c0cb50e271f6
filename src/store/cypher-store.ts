import { z } from 'zod';
import type { NodeKind } from '../model/graph-model.js';
import { type GraphData, type NodeRecord, RowShapeError, rowToEdge, rowToNode } from '../model/records.js';
import { StoreUnavailableError } from './errors.js';
import type { CypherExecutor, Row } from './executor.js';
import type { GraphStore, GraphVersion, NodePageArgs, WriteSummary } from './port.js';

/** Query names the shared store runs; each adapter checks at start-up that its engine has them all. */
export const STORE_QUERIES = [
  'nodesByIds',
  'nodesPageForward',
  'nodesPageBackward',
  'countsByKinds',
  'readNodes',
  'readEdges',
  'clearGraph',
  'graphMeta',
  'setGraphMeta',
  'ping',
] as const;

const countRow = z.object({ kind: z.string(), count: z.number().int() });
const metaRow = z.object({ key: z.string(), value: z.string().nullable() });
const edgeRow = z.object({ from: z.unknown(), to: z.unknown(), r: z.unknown() });

function parseRows<T>(schema: z.ZodType<T>, rows: readonly Row[], query: string): T[] {
  return rows.map((row) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) throw new RowShapeError(`a row of ${query}`, parsed.error.issues[0]?.message ?? '');
    return parsed.data;
  });
}

/** Metadata keys kept in the store next to the graph. */
export const META_KEYS = { seedHash: 'seedHash', loadedAt: 'loadedAt', modelHash: 'modelHash' } as const;

/**
 * The GraphStore both engines share: named queries from cypher/, rows parsed with zod at this
 * boundary, results put back in key order. Engine differences live in the executor.
 */
export function createCypherStore(executor: CypherExecutor, modelHash: string): GraphStore {
  const { queries } = executor;
  queries.require(STORE_QUERIES);
  let closed = false;

  const read = async (name: (typeof STORE_QUERIES)[number], params: Record<string, unknown> = {}) => {
    if (closed) throw new StoreUnavailableError('the store has been closed');
    return executor.read(queries.get(name), params);
  };

  const nodes = (rows: readonly Row[]): NodeRecord[] => rows.map((row) => rowToNode(row['n']));

  return {
    engine: executor.engine,

    async nodesByIds(ids) {
      if (ids.length === 0) return [];
      const found = new Map(
        nodes(await read('nodesByIds', { ids: [...new Set(ids)] })).map((n) => [n.id, n]),
      );
      return ids.map((id) => found.get(id) ?? null);
    },

    async nodesPage(args: NodePageArgs) {
      const params = {
        kind: args.kind,
        afterName: args.after?.name ?? null,
        afterId: args.after?.id ?? null,
        beforeName: args.before?.name ?? null,
        beforeId: args.before?.id ?? null,
        limit: args.limit,
      };
      if (args.limit <= 0) return [];
      if (args.fromEnd) return nodes(await read('nodesPageBackward', params));
      return nodes(await read('nodesPageForward', params));
    },

    async countsByKinds(kinds: readonly NodeKind[]) {
      if (kinds.length === 0) return [];
      const rows = parseRows(countRow, await read('countsByKinds', { kinds: [...kinds] }), 'countsByKinds');
      const counts = new Map(rows.map((r) => [r.kind, r.count]));
      return kinds.map((k) => counts.get(k) ?? 0);
    },

    async graphVersion(): Promise<GraphVersion | null> {
      const rows = parseRows(metaRow, await read('graphMeta'), 'graphMeta');
      const meta = new Map(rows.map((r) => [r.key, r.value]));
      const seedHash = meta.get(META_KEYS.seedHash);
      // A graph loaded under another model is stale whatever its seeds: report it as never loaded.
      if (!seedHash || meta.get(META_KEYS.modelHash) !== modelHash) return null;
      return { seedHash, loadedAt: meta.get(META_KEYS.loadedAt) ?? '' };
    },

    async replaceGraph(graph: GraphData, seedHash: string): Promise<WriteSummary> {
      if (closed) throw new StoreUnavailableError('the store has been closed');
      return executor.write(async (tx) => {
        await tx.run(queries.get('clearGraph'), {});
        const summary = await executor.writeGraph(tx, graph);
        const meta: [string, string][] = [
          [META_KEYS.seedHash, seedHash],
          [META_KEYS.modelHash, modelHash],
          [META_KEYS.loadedAt, new Date().toISOString()],
        ];
        for (const [key, value] of meta) await tx.run(queries.get('setGraphMeta'), { key, value });
        return summary;
      });
    },

    async readGraph(): Promise<GraphData> {
      const nodeRows = await read('readNodes');
      const edgeRows = parseRows(edgeRow, await read('readEdges'), 'readEdges');
      return {
        nodes: nodes(nodeRows),
        edges: edgeRows.map((row) => rowToEdge(row.r, row.from, row.to)),
      };
    },

    async ping() {
      await read('ping');
    },

    async close() {
      if (closed) return;
      closed = true;
      await executor.close();
    },
  };
}
