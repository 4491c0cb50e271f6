import type { EdgeKind } from '../model/graph-model.js';
import { tiesToGraph } from '../model/network-ties.js';
import { type GraphData, type GraphView, RecordShapeError, rowToEdge, rowToNode } from '../model/records.js';
import { createCypherReader, type RunAfter, readQueryNames } from './cypher-reader.js';
import { DERIVE_QUERIES } from './derive.js';
import { RowShapeError, StoreUnavailableError } from './errors.js';
import type { CypherExecutor, FinishLoad, Params, Row } from './executor.js';
import { GRAPH_META_KEYS } from './graph-meta.js';
import { type GraphSource, graphDataSource } from './graph-source.js';
import { type LoadProgress, NO_PROGRESS } from './load-progress.js';
import type { GraphStore, RequestReader, WriteSummary } from './port.js';
import { ReadBudget } from './read-budget.js';

/** Query names the store runs besides the reader's: loading, exporting, health. */
const STORE_QUERIES = ['readNodes', 'readEdges', 'networkTies', 'graphMeta', 'setGraphMeta', 'ping'] as const;

/** Every query name the shared store runs; each adapter checks at start-up that its engine has them all. */
export function storeQueryNames(): string[] {
  return [...STORE_QUERIES, ...readQueryNames(), ...DERIVE_QUERIES];
}

/** The default deadline of a request's reads when the caller gives none. */
const DEFAULT_DEADLINE_MS = 10_000;

/**
 * The GraphStore both engines share: the reader's questions over named queries from cypher/, and
 * loads that write the graph, derive what reads sort by, and record the graph's version in one
 * transaction. Engine differences live in the executor and the query texts.
 */
export function createCypherStore(executor: CypherExecutor, modelHash: string): GraphStore {
  const { queries } = executor;
  queries.require(storeQueryNames());
  let closed = false;

  const read = async (name: string, params: Params = {}): Promise<Row[]> => {
    if (closed) throw new StoreUnavailableError('the store has been closed');
    return executor.read(queries.get(name), params);
  };
  const has = (name: string) => queries.has(name);
  const own = createCypherReader(read, modelHash, has);

  /** `parse(…)`, its RecordShapeError told as a RowShapeError of `query`. */
  const parsing = <T>(query: string, parse: () => T): T => {
    try {
      return parse();
    } catch (error) {
      if (error instanceof RecordShapeError) {
        throw new RowShapeError(`${error.what} in ${query}`, error.problem);
      }
      throw error;
    }
  };
  const parseEach = <T>(rows: readonly Row[], query: string, parse: (row: Row) => T): T[] =>
    rows.map((row) => parsing(query, () => parse(row)));

  const loadGraph = async (
    source: GraphSource,
    seedHash: string,
    progress: LoadProgress = NO_PROGRESS,
  ): Promise<WriteSummary> => {
    if (closed) throw new StoreUnavailableError('the store has been closed');
    // The one end of every load, whatever the engine and whichever path it takes: what reads sort
    // and filter by is derived from the whole written graph, then the graph's version is recorded.
    const finish: FinishLoad = {
      derive: async (tx) => {
        progress.phase('deriving', { total: DERIVE_QUERIES.length, unit: 'statements' });
        for (const name of DERIVE_QUERIES) {
          await tx.run(queries.get(name), {});
          progress.advance(1);
        }
      },
      record: async (tx) => {
        const meta: [string, string][] = [
          [GRAPH_META_KEYS.seedHash, seedHash],
          [GRAPH_META_KEYS.modelHash, modelHash],
          [GRAPH_META_KEYS.loadedAt, new Date().toISOString()],
        ];
        for (const [key, value] of meta) await tx.run(queries.get('setGraphMeta'), { key, value });
      },
    };
    try {
      return await executor.loadGraph(source, finish, progress);
    } finally {
      progress.end();
    }
  };

  return {
    engine: executor.engine,
    ...own,

    openReader(options = {}): RequestReader {
      if (closed) throw new StoreUnavailableError('the store has been closed');
      const scope = executor.readScope(options.deadlineMs ?? DEFAULT_DEADLINE_MS);
      const budget = new ReadBudget(options.maxBytes ?? Number.POSITIVE_INFINITY);
      const heard = options.onStatement;
      /** The scope's own promise of each read handed out, so a later read can link to it. */
      const inner = new WeakMap<Promise<Row[]>, Promise<Row[]>>();
      const counted = async (name: string, start: () => Promise<Row[]>): Promise<Row[]> => {
        budget.check();
        const started = heard ? performance.now() : 0;
        let ok = false;
        try {
          const rows = await start();
          ok = true;
          budget.spend(rows);
          return rows;
        } finally {
          heard?.(name, performance.now() - started, ok);
        }
      };
      const tracked = (name: string, start: () => Promise<Row[]>): Promise<Row[]> => {
        let own: Promise<Row[]> | undefined;
        const outer = counted(name, () => {
          own = start();
          return own;
        });
        if (own) inner.set(outer, own);
        return outer;
      };
      const run = (name: string, params: Params) =>
        tracked(name, () => scope.read(queries.get(name), params));
      const readAfter = scope.readAfter?.bind(scope);
      const runAfter: RunAfter | undefined = readAfter
        ? (name, params, link) =>
            tracked(name, () =>
              readAfter(queries.get(name), params, {
                ...link,
                source: inner.get(link.source) ?? link.source,
              }),
            )
        : undefined;
      const reader = createCypherReader(run, modelHash, has, runAfter);
      return {
        ...reader,
        stats: () => ({ ...scope.stats(), bytes: budget.spent }),
        close: () => scope.close(),
      };
    },

    replaceGraph: (graph: GraphData, seedHash: string): Promise<WriteSummary> =>
      loadGraph(graphDataSource(graph), seedHash),

    loadGraph,

    loadInProgress: () => executor.loadInProgress(),

    leftByLoads: () => executor.leftByLoads(),

    async readGraph(): Promise<GraphData> {
      // Nodes and edges are two reads: a load committed between them would mix two graphs. Read
      // again until the graph's version is the same before and after.
      for (let attempt = 0; ; attempt++) {
        const before = JSON.stringify(await read('graphMeta'));
        const graph = {
          nodes: parseEach(await read('readNodes'), 'readNodes', (row) => rowToNode(row['n'])),
          edges: parseEach(await read('readEdges'), 'readEdges', (row) =>
            rowToEdge(row['r'], row['from'], row['to']),
          ),
        };
        if (JSON.stringify(await read('graphMeta')) === before || attempt >= 2) return graph;
      }
    },

    async readNetworkTies(kinds: readonly EdgeKind[], period: string | null): Promise<GraphView> {
      if (kinds.length === 0) return { nodes: [], edges: [] };
      const rows = await read('networkTies', { tieKinds: [...kinds], period });
      return parsing('networkTies', () => tiesToGraph(rows));
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
