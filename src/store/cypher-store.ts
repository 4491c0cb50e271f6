import { z } from 'zod';
import type { EdgeKind, NodeKind } from '../model/graph-model.js';
import { type EdgeRecord, type GraphData, type NodeRecord, rowToEdge, rowToNode } from '../model/records.js';
import { RowShapeError, StoreUnavailableError } from './errors.js';
import type { CypherExecutor, Params, Row } from './executor.js';
import type {
  CoFunderRow,
  CoFundingRow,
  FundingGrouping,
  FundingTotalRow,
  GraphStore,
  GraphVersion,
  PathRecord,
  WriteSummary,
} from './port.js';

/** Query names the shared store runs; each adapter checks at start-up that its engine has them all. */
export const STORE_QUERIES = [
  'nodesByIds',
  'nodesByKinds',
  'countsByKinds',
  'edgeCountsByKinds',
  'edgesOfNodes',
  'edgesByIds',
  'fundingLines',
  'coFundingDirect',
  'coFundingThroughProjects',
  'coFunderRows',
  'shortestPaths',
  'readNodes',
  'readEdges',
  'clearGraph',
  'graphMeta',
  'setGraphMeta',
  'ping',
] as const;

type StoreQuery = (typeof STORE_QUERIES)[number];

/** What a funding sum is grouped by, and what it counts on the other side. */
const GROUPING: Readonly<
  Record<FundingGrouping, { key: keyof FundingLineRow; other: keyof FundingLineRow }>
> = {
  funder: { key: 'funder', other: 'target' },
  target: { key: 'target', other: 'funder' },
  kind: { key: 'fundingKind', other: 'funder' },
  period: { key: 'period', other: 'funder' },
};

const countRow = z.object({ kind: z.string(), count: z.number().int() });
const metaRow = z.object({ key: z.string(), value: z.string().nullable() });
const edgeRow = z.object({ from: z.string(), to: z.string(), r: z.unknown() });
const fundingLineRow = z.object({
  funder: z.string(),
  target: z.string(),
  fundingKind: z.string().nullable(),
  period: z.string().nullable(),
  currency: z.string().nullable(),
  line: z.string(),
  amount: z.number(),
});
type FundingLineRow = z.infer<typeof fundingLineRow>;

/**
 * Sums funding lines per group key. The lines of one conflict group are one line: it counts once
 * per key, at its lowest amount in low and its highest in high (so a total never silently picks
 * one of two disagreeing figures), whatever node each figure was recorded against.
 */
function sumFunding(rows: readonly FundingLineRow[], groupBy: FundingGrouping): FundingTotalRow[] {
  const { key, other } = GROUPING[groupBy];
  const groups = new Map<
    string,
    { lines: Map<string, number[]>; counterparts: Set<string>; edges: number }
  >();
  for (const row of rows) {
    const currency = row.currency ?? 'GBP';
    const id = JSON.stringify([row[key] ?? '(not stated)', currency]);
    const group = groups.get(id) ?? { lines: new Map(), counterparts: new Set(), edges: 0 };
    group.lines.set(row.line, [...(group.lines.get(row.line) ?? []), row.amount]);
    group.counterparts.add(String(row[other]));
    group.edges++;
    groups.set(id, group);
  }
  return [...groups.entries()]
    .map(([id, group]) => {
      const [groupKey, currency] = JSON.parse(id) as [string, string];
      const amounts = [...group.lines.values()];
      return {
        key: groupKey,
        currency,
        low: amounts.reduce((sum, a) => sum + Math.min(...a), 0),
        high: amounts.reduce((sum, a) => sum + Math.max(...a), 0),
        lines: group.lines.size,
        edges: group.edges,
        counterparts: group.counterparts.size,
      };
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.currency < b.currency ? -1 : 1));
}
const coFundingRow = z.object({
  outcome: z.string(),
  via: z.string(),
  contributor: z.string().optional(),
  status: z.string(),
  funder: z.string(),
  r: z.unknown(),
});
const coFunderRow = z.object({
  org: z.string(),
  coFunder: z.string(),
  via: z.string(),
  mine: z.unknown(),
  theirs: z.unknown(),
});
const pathRow = z.object({ nodeIds: z.array(z.string()), edgeIds: z.array(z.string()) });

function parseRows<T>(schema: z.ZodType<T>, rows: readonly Row[], query: string): T[] {
  return rows.map((row) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new RowShapeError(`a row of ${query}`, `${issue?.path.join('.')}: ${issue?.message}`);
    }
    return parsed.data;
  });
}

/** Groups values by key, giving every requested key a list (empty when nothing matched), in key order. */
function groupInKeyOrder<T>(
  keys: readonly string[],
  items: readonly T[],
  keyOf: (item: T) => string[],
): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const item of items) {
    for (const key of keyOf(item)) groups.get(key)?.push(item);
  }
  return keys.map((k) => groups.get(k) ?? []);
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** How many shortest paths are read before sorting; a path request asks for at most 20. */
const PATH_CANDIDATES = 500;

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

  const read = async (name: StoreQuery, params: Params = {}) => {
    if (closed) throw new StoreUnavailableError('the store has been closed');
    return executor.read(queries.get(name), params);
  };
  const nodes = (rows: readonly Row[]): NodeRecord[] => rows.map((row) => rowToNode(row['n']));
  const edges = (rows: readonly Row[], query: string): EdgeRecord[] =>
    parseRows(edgeRow, rows, query).map((row) => rowToEdge(row.r, row.from, row.to));
  // Batches never send an empty list (Kuzu 0.11 crashes on an empty or null list in IN) or duplicates.
  const unique = <T>(keys: readonly T[]) => [...new Set(keys)];

  return {
    engine: executor.engine,

    async nodesByIds(ids) {
      if (ids.length === 0) return [];
      const found = new Map(nodes(await read('nodesByIds', { ids: unique(ids) })).map((n) => [n.id, n]));
      return ids.map((id) => found.get(id) ?? null);
    },

    async nodesByKinds(kinds: readonly NodeKind[]) {
      if (kinds.length === 0) return [];
      const all = nodes(await read('nodesByKinds', { kinds: unique(kinds) }));
      return groupInKeyOrder(kinds, all, (n) => [n.kind]);
    },

    async countsByKinds(kinds: readonly NodeKind[]) {
      if (kinds.length === 0) return [];
      const rows = parseRows(
        countRow,
        await read('countsByKinds', { kinds: unique(kinds) }),
        'countsByKinds',
      );
      const counts = new Map(rows.map((r) => [r.kind, r.count]));
      return kinds.map((k) => counts.get(k) ?? 0);
    },

    async edgeCountsByKinds(kinds: readonly EdgeKind[]) {
      if (kinds.length === 0) return [];
      const rows = parseRows(
        countRow,
        await read('edgeCountsByKinds', { kinds: unique(kinds) }),
        'edgeCountsByKinds',
      );
      const counts = new Map(rows.map((r) => [r.kind, r.count]));
      return kinds.map((k) => counts.get(k) ?? 0);
    },

    async edgesOfNodes(ids) {
      if (ids.length === 0) return [];
      const all = edges(await read('edgesOfNodes', { ids: unique(ids) }), 'edgesOfNodes').sort(byId);
      return groupInKeyOrder(ids, all, (e) => (e.from === e.to ? [e.from] : [e.from, e.to]));
    },

    async edgesByIds(ids) {
      if (ids.length === 0) return [];
      const found = new Map(
        edges(await read('edgesByIds', { ids: unique(ids) }), 'edgesByIds').map((e) => [e.id, e]),
      );
      return ids.map((id) => found.get(id) ?? null);
    },

    async fundingTotals(args): Promise<FundingTotalRow[]> {
      const params = { period: args.period ?? null, fundingKind: args.fundingKind ?? null };
      return sumFunding(
        parseRows(fundingLineRow, await read('fundingLines', params), 'fundingLines'),
        args.groupBy,
      );
    },

    async coFundingRows(): Promise<CoFundingRow[]> {
      const [direct, throughProjects] = await Promise.all([
        read('coFundingDirect').then((rows) => parseRows(coFundingRow, rows, 'coFundingDirect')),
        read('coFundingThroughProjects').then((rows) =>
          parseRows(coFundingRow, rows, 'coFundingThroughProjects'),
        ),
      ]);
      return [...direct, ...throughProjects].map((row) => ({
        outcome: row.outcome,
        via: row.via,
        contributor: row.contributor ?? row.via,
        status: row.status,
        funding: rowToEdge(row.r, row.funder, row.via),
      }));
    },

    async coFunderRows(ids): Promise<CoFunderRow[][]> {
      if (ids.length === 0) return [];
      const rows = parseRows(coFunderRow, await read('coFunderRows', { ids: unique(ids) }), 'coFunderRows');
      const parsed = rows.map((row) => ({
        org: row.org,
        coFunder: row.coFunder,
        via: row.via,
        mine: rowToEdge(row.mine, row.org, row.via),
        theirs: rowToEdge(row.theirs, row.coFunder, row.via),
      }));
      return groupInKeyOrder(ids, parsed, (r) => [r.org]).map((list) =>
        list.map(({ org: _org, ...rest }) => rest),
      );
    },

    async shortestPaths(args): Promise<PathRecord[]> {
      // Engines find equal-length paths in different orders, so a LIMIT in the query would keep a
      // different subset on each: read up to a fixed number, group, sort, then keep the first `limit`.
      const params = { from: args.from, to: args.to, maxHops: args.maxHops, limit: PATH_CANDIDATES };
      const rows = parseRows(pathRow, await read('shortestPaths', params), 'shortestPaths');
      // Paths that walk the same nodes over parallel relationships are one connection.
      const byNodes = new Map<string, { nodeIds: string[]; edgeIds: Set<string>[] }>();
      for (const row of rows) {
        const key = row.nodeIds.join('\u0000');
        const path = byNodes.get(key) ?? {
          nodeIds: row.nodeIds,
          edgeIds: row.edgeIds.map(() => new Set<string>()),
        };
        row.edgeIds.forEach((id, hop) => {
          path.edgeIds[hop]?.add(id);
        });
        byNodes.set(key, path);
      }
      return [...byNodes.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .slice(0, args.limit)
        .map(([, path]) => ({ nodeIds: path.nodeIds, edgeIds: path.edgeIds.map((ids) => [...ids].sort()) }));
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
      // Nodes and edges are two reads: a load committed between them would mix two graphs. Read
      // again until the graph's version is the same before and after.
      for (let attempt = 0; ; attempt++) {
        const before = JSON.stringify(await read('graphMeta'));
        const graph = {
          nodes: nodes(await read('readNodes')),
          edges: edges(await read('readEdges'), 'readEdges'),
        };
        if (JSON.stringify(await read('graphMeta')) === before || attempt >= 2) return graph;
      }
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
