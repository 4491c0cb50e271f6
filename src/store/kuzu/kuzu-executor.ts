import { join } from 'node:path';
import type { Logger } from 'pino';
import type { KuzuConfig } from '../../config.js';
import { StoreQueryError, StoreTimeoutError, StoreUnavailableError } from '../errors.js';
import type { CypherExecutor, FinishLoad, Params, ReadScope, Row, WriteTransaction } from '../executor.js';
import { kuzuSchemaQueryNames } from '../generated-cypher.js';
import type { GraphSource } from '../graph-source.js';
import type { LoadProgress } from '../load-progress.js';
import type { WriteSummary } from '../port.js';
import type { Query, QuerySet } from '../queries.js';
import { SerialGate } from './connection-pool.js';
import { inlinedParams } from './inline-params.js';
import { currentDatabase, newDatabaseName, removeDatabase } from './kuzu-data-dir.js';
import { ServedDatabase } from './kuzu-database.js';
import { buildDatabase, loadFailure } from './kuzu-staging.js';
import { mapError } from './kuzu-statements.js';
import { writeTransaction } from './write-transaction.js';

/** The path of the database file a data directory serves now (see kuzu-data-dir.ts). */
export function kuzuDatabasePath(dataDir: string): string {
  return join(dataDir, currentDatabase(dataDir));
}

/**
 * Reads that run one at a time across all requests. Kuzu's shortest-path search takes over 64 MB of
 * buffer pool whatever the graph's size; 20 clients asking for paths at once filled a 256 MB pool
 * ("buffer pool is full"), so path searches queue instead of failing.
 */
const ONE_AT_A_TIME = new Set(['shortestPaths', 'shortestPathsAvoiding']);

/** Query names this adapter runs itself, on top of the shared store's. */
export const KUZU_QUERIES = ['graphMetaTable', ...kuzuSchemaQueryNames()];

/**
 * The embedded engine: reads on the served database's pool of connections (kuzu-database.ts), one
 * gate for all writes (write-transaction.ts), and loads that build a new database and switch to it
 * (kuzu-staging.ts).
 */
export class KuzuExecutor implements CypherExecutor {
  readonly engine = 'kuzu' as const;
  private readonly gate = new SerialGate();
  /** The queue of ONE_AT_A_TIME reads. */
  private readonly heavyReads = new SerialGate();
  private closing = false;

  private constructor(
    private readonly served: ServedDatabase,
    readonly queries: QuerySet,
    private readonly config: KuzuConfig,
  ) {}

  /**
   * Opens (creating if needed) the store in `config.dataDir` and its tables: the database the
   * directory's pointer names (see kuzu-data-dir.ts). Throws StoreLockedError when another process
   * has it open. Removes what a load killed half-way left behind. A store built under another model
   * is rebuilt: its content is derived from the seeds, which are reloaded.
   */
  static async open(
    config: KuzuConfig,
    queries: QuerySet,
    modelHash: string,
    log: Logger,
  ): Promise<KuzuExecutor> {
    queries.require(KUZU_QUERIES);
    const served = await ServedDatabase.open(config, queries, modelHash, log);
    const executor = new KuzuExecutor(served, queries, config);
    await executor.applySchema();
    return executor;
  }

  /** The statements that create this adapter's tables (if missing), in the order they run. */
  private schema(): Query[] {
    return KUZU_QUERIES.map((name) => this.queries.get(name));
  }

  private async applySchema(): Promise<void> {
    // DDL is a write: it goes through the gate on its own connection like every other write.
    await this.write(async (tx) => {
      for (const query of this.schema()) await tx.run(query, {});
    }, false);
  }

  readScope(deadlineMs: number): ReadScope {
    // Kuzu reads need no shared transaction: the graph changes only when a load swaps it whole.
    // The request's deadline stops it starting statements; one running is bounded by the query
    // timeout (HLP_QUERY_TIMEOUT_MS).
    const deadline = performance.now() + deadlineMs;
    let statements = 0;
    let rows = 0;
    let closed = false;
    return {
      read: async (query, params) => {
        if (closed) throw new StoreUnavailableError('the request has ended');
        if (performance.now() > deadline)
          throw new StoreTimeoutError(`${query.name} (the request)`, deadlineMs);
        statements++;
        const result = ONE_AT_A_TIME.has(query.name)
          ? await this.heavyReads.run(() => this.read(query, params))
          : await this.read(query, params);
        rows += result.length;
        return result;
      },
      stats: () => ({ statements, sent: statements, rows, transactions: 0 }),
      close: async () => {
        closed = true;
      },
    };
  }

  async read(query: Query, params: Params): Promise<Row[]> {
    if (this.closing) throw new StoreUnavailableError('the embedded store has been closed');
    const inlined = inlinedParams(query);
    for (const [key, value] of Object.entries(params)) {
      if (Array.isArray(value) && value.length === 0 && !inlined.includes(key)) {
        // Kuzu 0.11 crashes the whole process on an empty list in IN; refuse it here instead.
        throw new StoreQueryError(query.name, `$${key} is an empty list (the store never reads with one)`);
      }
    }
    return this.served.use(async (cache) => {
      try {
        return await cache.run(query, params);
      } catch (error) {
        throw mapError(error, query.name, this.config.queryTimeoutMs, this.config.dataDir);
      }
    });
  }

  write<T>(work: (tx: WriteTransaction) => Promise<T>, transactional = true): Promise<T> {
    return this.gate.run(() => writeTransaction(this.served.db, this.config, work, transactional));
  }

  /**
   * Replaces the graph, all or nothing: builds the new graph in a new database and switches to it
   * (see loadBulk). Every load takes this path, however small: Kuzu 0.11.3 reads relationships
   * written earlier in the same transaction wrongly (an organisation's distinct funded targets
   * counted 21 where the graph has 19), so the derive statements must run on committed data, and
   * only a database the store does not serve yet can take a commit that is not the end of the load.
   */
  async loadGraph(source: GraphSource, finish: FinishLoad, progress: LoadProgress): Promise<WriteSummary> {
    if (this.closing) throw new StoreUnavailableError('the embedded store has been closed');
    return this.gate.run(() => this.loadBulk(source, finish, progress));
  }

  /**
   * Never another load: this process holds the database's files (another process cannot open
   * them, StoreLockedError), and its own loads take turns (the gate).
   */
  async loadInProgress(): Promise<string | null> {
    return null;
  }

  /** Never anything: opening the store removed what a stopped load left (kuzu-data-dir.ts). */
  async leftByLoads(): Promise<string | null> {
    return null;
  }

  /**
   * The load: builds the new graph in a new database file beside the served one (kuzu-staging.ts),
   * then switches the store to it. Until the switch, the served database is untouched and a kill
   * leaves only a partial new file, which the next open removes.
   */
  private async loadBulk(
    source: GraphSource,
    finish: FinishLoad,
    progress: LoadProgress,
  ): Promise<WriteSummary> {
    const name = newDatabaseName();
    const summary = await buildDatabase(this.config, name, this.schema(), source, finish, progress);
    let switched = false;
    try {
      progress.phase('switching to the new graph');
      await this.served.switchTo(name, () => {
        switched = true;
      });
    } catch (error) {
      // Before the switch the new database is only a leftover; after it, it is the store.
      if (!switched) removeDatabase(this.config.dataDir, name);
      throw loadFailure(error, 'switch', this.config);
    }
    return summary;
  }

  async close(): Promise<void> {
    this.closing = true;
    // Wait for a write in flight to finish before the database goes away.
    await this.gate.run(() => this.served.close());
  }
}
