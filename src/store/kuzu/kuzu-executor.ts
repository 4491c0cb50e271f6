import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import kuzu from 'kuzu';
import type { Logger } from 'pino';
import type { KuzuConfig } from '../../config.js';
import {
  StoreBusyError,
  StoreError,
  StoreLockedError,
  StoreQueryError,
  StoreTimeoutError,
  StoreUnavailableError,
} from '../errors.js';
import type { CypherExecutor, FinishLoad, Params, ReadScope, Row, WriteTransaction } from '../executor.js';
import { kuzuSchemaQueryNames } from '../generated-cypher.js';
import { GRAPH_META_KEYS } from '../graph-meta.js';
import type { GraphSource } from '../graph-source.js';
import type { LoadProgress } from '../load-progress.js';
import type { WriteSummary } from '../port.js';
import type { Query, QuerySet } from '../queries.js';
import { ResourcePool, SerialGate } from './connection-pool.js';
import { inlinedParams, inlineParams } from './inline-params.js';
import { bulkLoad, type StagingDatabase } from './kuzu-bulk-load.js';
import {
  copyFolder,
  currentDatabase,
  LEGACY_DATABASE,
  newDatabaseName,
  removeDatabase,
  removeStale,
  switchCurrent,
} from './kuzu-data-dir.js';

type Connection = InstanceType<typeof kuzu.Connection>;
type Database = InstanceType<typeof kuzu.Database>;
type Prepared = InstanceType<typeof kuzu.PreparedStatement>;

/**
 * The database file of a store that has never had a bulk load (Kuzu keeps a .wal next to it). A
 * bulk load builds a new database file and points the directory at it: use kuzuDatabasePath() to
 * find the database a data directory serves.
 */
export const KUZU_FILE = LEGACY_DATABASE;

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

/** Maps any Kuzu failure to a named store error; the one place that reads Kuzu's messages. */
function mapError(error: unknown, query: string, timeoutMs: number, dataDir: string): StoreError {
  if (error instanceof StoreError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/could not set lock on file/i.test(message)) return new StoreLockedError(dataDir, { cause: error });
  if (/^interrupted/i.test(message.trim())) return new StoreTimeoutError(query, timeoutMs, { cause: error });
  // Path search takes buffer pool it cannot evict; with the pool full of such work, a query fails.
  if (/buffer pool is full|unable to allocate memory/i.test(message))
    return new StoreBusyError(query, { cause: error });
  return new StoreQueryError(query, message.split('\n')[0] ?? message, { cause: error });
}

/** Kuzu hands back nodes and relationships as objects with `_label`, `_id`, `_src`, `_dst` beside the properties. */
function plain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? Number(value) : value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = plain(value[i]);
    return out;
  }
  if (value instanceof Date) return value;
  // for…in with a char test: every row of every page passes here (Object.entries cost twice as much).
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key in source) {
    if (key.charCodeAt(0) !== 95 /* _ */) out[key] = plain(source[key]);
  }
  return out;
}

class StatementCache {
  private readonly prepared = new Map<string, Prepared>();
  constructor(private readonly connection: Connection) {}

  async run(query: Query, params: Params): Promise<Row[]> {
    if (inlinedParams(query).length > 0) {
      // Its text changes with its values: prepared for this run only, never cached.
      const inlined = inlineParams(query, params);
      const statement = await this.connection.prepare(inlined.text);
      if (!statement.isSuccess()) throw new Error(statement.getErrorMessage());
      return drain(
        await this.connection.execute(statement, inlined.params as Record<string, kuzu.KuzuValue>),
      );
    }
    let statement = this.prepared.get(query.name);
    if (!statement) {
      statement = await this.connection.prepare(query.text);
      if (!statement.isSuccess()) throw new Error(statement.getErrorMessage());
      this.prepared.set(query.name, statement);
    }
    return drain(await this.connection.execute(statement, params as Record<string, kuzu.KuzuValue>));
  }
}

type Result = InstanceType<typeof kuzu.QueryResult>;

/** Rows read synchronously before drain gives the event loop a turn. */
const ROWS_PER_TURN = 2000;

/**
 * Reads and closes every result. A result left open when the database closes crashes the process
 * (Kuzu 0.11), so nothing may skip this, including BEGIN and COMMIT.
 *
 * Rows are read synchronously: the asynchronous getAll() awaits one thread-pool round trip per row
 * (about 0.1 ms each, measured), while the rows are already computed and only need converting. A
 * large result (an export) yields to the event loop every few thousand rows, so that other requests
 * are not held up behind it.
 */
async function drain(result: Result | Result[]): Promise<Row[]> {
  const results = Array.isArray(result) ? result : [result];
  const rows: Row[] = [];
  try {
    for (const r of results) {
      if (r.getNumTuples() <= ROWS_PER_TURN) {
        for (const row of r.getAllSync()) rows.push(plain(row) as Row);
        continue;
      }
      let read = 0;
      while (r.hasNext()) {
        rows.push(plain(r.getNextSync()) as Row);
        if (++read % ROWS_PER_TURN === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
  } finally {
    for (const r of results) r.close();
  }
  return rows;
}

async function runText(connection: Connection, text: string): Promise<void> {
  await drain(await connection.query(text));
}

/** Opens (creating if needed) database `name` in the data directory with a buffer pool of `poolBytes`. */
async function openDatabase(
  config: KuzuConfig,
  name: string,
  poolBytes = config.bufferPoolBytes,
): Promise<Database> {
  mkdirSync(config.dataDir, { recursive: true });
  const db = new kuzu.Database(
    join(config.dataDir, name),
    poolBytes,
    true,
    false,
    // Without maxDBSize every Database reserves a huge virtual address range.
    config.maxDbSizeBytes,
  );
  try {
    await db.init();
  } catch (error) {
    throw mapError(error, 'open', config.queryTimeoutMs, config.dataDir);
  }
  return db;
}

/** Read connections on one database, each with its prepared statements. */
function readConnections(
  db: Database,
  config: KuzuConfig,
): { connections: Connection[]; reads: ResourcePool<StatementCache> } {
  const connections = Array.from({ length: config.readPoolSize }, () => {
    const connection = new kuzu.Connection(db);
    connection.setQueryTimeout(config.queryTimeoutMs);
    return connection;
  });
  return { connections, reads: new ResourcePool(connections.map((c) => new StatementCache(c))) };
}

/**
 * The embedded engine: a pool of read connections and one gate for all writes. A bulk load builds
 * a new database and switches to it, so the database, its connections and the pool change: every
 * read takes them from these fields at the moment it starts.
 */
export class KuzuExecutor implements CypherExecutor {
  readonly engine = 'kuzu' as const;
  private reads: ResourcePool<StatementCache>;
  private readonly gate = new SerialGate();
  /** The queue of ONE_AT_A_TIME reads. */
  private readonly heavyReads = new SerialGate();
  private connections: Connection[];
  private closing = false;

  private constructor(
    private db: Database,
    /** The database file served now, in the data directory. */
    private name: string,
    readonly queries: QuerySet,
    private readonly config: KuzuConfig,
    private readonly log: Logger,
  ) {
    ({ connections: this.connections, reads: this.reads } = readConnections(db, config));
  }

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
    mkdirSync(config.dataDir, { recursive: true });
    let { db, name } = await openCurrent(config);
    // Holding the current database's lock, this process is the only one that may load here: what
    // other database files there are, a killed load or an interrupted switch left.
    const stale = removeStale(config.dataDir, name);
    if (stale.length > 0)
      log.info({ dataDir: config.dataDir, removed: stale }, 'removed what an unfinished load left');
    const stored = await storedModelHash(db, queries, config);
    if (stored !== null && stored !== modelHash) {
      log.warn(
        { dataDir: config.dataDir },
        'embedded store was built for another graph model: rebuilding it',
      );
      await db.close();
      removeDatabase(config.dataDir, name);
      db = await openDatabase(config, name);
    }
    const executor = new KuzuExecutor(db, name, queries, config, log);
    await executor.applySchema();
    return executor;
  }

  private async applySchema(): Promise<void> {
    // DDL is a write: it goes through the gate on its own connection like every other write.
    await this.write(async (tx) => {
      for (const name of KUZU_QUERIES) await tx.run(this.queries.get(name), {});
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
      stats: () => ({ statements, rows, transactions: 0 }),
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
    return this.reads.use(async (cache) => {
      try {
        return await cache.run(query, params);
      } catch (error) {
        throw mapError(error, query.name, this.config.queryTimeoutMs, this.config.dataDir);
      }
    });
  }

  write<T>(work: (tx: WriteTransaction) => Promise<T>, transactional = true): Promise<T> {
    return this.gate.run(() => this.transaction(this.db, work, transactional));
  }

  /**
   * Runs `work` on database `db` in one write transaction (or, for DDL, without one) on a fresh
   * connection: one that saw a failed transaction is never reused. Callers hold the write gate.
   */
  private async transaction<T>(
    db: Database,
    work: (tx: WriteTransaction) => Promise<T>,
    transactional = true,
  ): Promise<T> {
    const connection = new kuzu.Connection(db);
    connection.setQueryTimeout(this.config.writeTimeoutMs);
    const cache = new StatementCache(connection);
    let current = 'BEGIN TRANSACTION';
    const tx: WriteTransaction = {
      run: (query, params) => {
        current = query.name;
        return cache.run(query, params);
      },
    };
    try {
      if (transactional) await runText(connection, 'BEGIN TRANSACTION');
      const result = await work(tx);
      current = 'COMMIT';
      if (transactional) await runText(connection, 'COMMIT');
      // Fold the write-ahead log into the database now: until a checkpoint the pages a load
      // changed stay in the buffer pool, and a shortest-path search after a load of the HLP graph
      // found the pool full at 128 MB (it runs in 128 MB once checkpointed).
      if (transactional) await runText(connection, 'CHECKPOINT');
      return result;
    } catch (error) {
      if (transactional) {
        try {
          await runText(connection, 'ROLLBACK');
        } catch {
          // The transaction may already be gone (a failed BEGIN or COMMIT); nothing to roll back.
        }
      }
      throw mapError(error, current, this.config.writeTimeoutMs, this.config.dataDir);
    } finally {
      await connection.close().catch(() => undefined);
    }
  }

  /**
   * Runs `work` on a database nothing serves yet, each statement in a transaction of its own,
   * committed and checkpointed before the next: what a statement wrote leaves the buffer pool, so
   * the derive statements of a large load need only the pool one of them needs (in one transaction,
   * 512 MB ran out at a million relationships). All or nothing still holds: a failure leaves a
   * database that is removed, never switched to.
   */
  private async commitEach<T>(db: Database, work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    const connection = new kuzu.Connection(db);
    connection.setQueryTimeout(this.config.writeTimeoutMs);
    const cache = new StatementCache(connection);
    let current = 'BEGIN TRANSACTION';
    try {
      return await work({
        run: async (query, params) => {
          current = query.name;
          await runText(connection, 'BEGIN TRANSACTION');
          const rows = await cache.run(query, params);
          await runText(connection, 'COMMIT');
          await runText(connection, 'CHECKPOINT');
          return rows;
        },
      });
    } catch (error) {
      throw mapError(error, current, this.config.writeTimeoutMs, this.config.dataDir);
    } finally {
      await connection.close().catch(() => undefined);
    }
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
   * The load: builds the new graph in a new database file beside the served one (tables,
   * COPY of every node and relationship, derive statements and metadata; see kuzu-bulk-load.ts),
   * closes it, then switches the store to it. Until the switch, the served database is untouched
   * and a kill leaves only a partial new file, which the next open removes.
   */
  private async loadBulk(
    source: GraphSource,
    finish: FinishLoad,
    progress: LoadProgress,
  ): Promise<WriteSummary> {
    const { dataDir } = this.config;
    const name = newDatabaseName();
    let staging: Database | null = null;
    let connection: Connection | null = null;
    let current = 'open';
    let switched = false;
    try {
      // A buffer pool of its own: COPY needs far more than queries do (see kuzu-bulk-load.ts).
      staging = await openDatabase(this.config, name, this.config.loadBufferPoolBytes);
      connection = new kuzu.Connection(staging);
      connection.setQueryTimeout(this.config.writeTimeoutMs);
      const open = connection;
      for (const query of KUZU_QUERIES) {
        current = query;
        await runText(open, this.queries.get(query).text);
      }
      const db = staging;
      const target: StagingDatabase = {
        run: async (statement, text) => {
          current = statement;
          return drain(await open.query(text));
        },
        transaction: (work) => this.commitEach(db, work),
      };
      const summary = await bulkLoad(target, copyFolder(dataDir, name), source, finish, progress);
      current = 'close';
      await open.close();
      connection = null;
      // Closing checkpoints the new database: everything is in its file before the switch.
      await db.close();
      staging = null;
      progress.phase('switching to the new graph');
      current = 'switch';
      await this.switchTo(name, () => {
        switched = true;
      });
      return summary;
    } catch (error) {
      await connection?.close().catch(() => undefined);
      await staging?.close().catch(() => undefined);
      // Before the switch the new database is only a leftover; after it, it is the store.
      if (!switched) removeDatabase(dataDir, name);
      const failure = mapError(error, current, this.config.writeTimeoutMs, dataDir);
      if (failure instanceof StoreBusyError) {
        const mb = Math.round(this.config.loadBufferPoolBytes / 1048576);
        throw new StoreBusyError(failure.query, {
          cause: error,
          hint: `the load's buffer pool (${mb} MB) is full; raise HLP_KUZU_LOAD_BUFFER_POOL_MB`,
        });
      }
      throw failure;
    }
  }

  /**
   * Serves database `name` from now on: opens it with the serving buffer pool, points the data
   * directory at it (an atomic rename), moves reads over, and closes and removes the old one. Reads
   * already running finish on the old database first: a Kuzu result still open when its database
   * closes crashes the process. `onSwitched` runs once the pointer names the new database, from
   * which point nothing may remove it. Callers hold the write gate.
   */
  private async switchTo(name: string, onSwitched: () => void): Promise<void> {
    const db = await openDatabase(this.config, name);
    try {
      switchCurrent(this.config.dataDir, name);
    } catch (error) {
      await db.close().catch(() => undefined);
      throw error;
    }
    onSwitched();
    const old = { db: this.db, name: this.name, connections: this.connections, reads: this.reads };
    this.db = db;
    this.name = name;
    ({ connections: this.connections, reads: this.reads } = readConnections(db, this.config));
    // New reads take the new pool from here on; the old pool's borrowers finish, then it closes.
    await old.reads.drain();
    for (const connection of old.connections) await connection.close().catch(() => undefined);
    await old.db.close();
    try {
      removeDatabase(this.config.dataDir, old.name);
    } catch (error) {
      // The switch is done; what is left is removed by the next open.
      this.log.warn({ error, database: old.name }, 'could not remove the database a load replaced');
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    // Wait for a write in flight to finish before the database goes away.
    await this.gate.run(async () => {
      // Reads in flight finish first: their results must be closed before their connections.
      await this.reads.drain();
      for (const connection of this.connections) await connection.close().catch(() => undefined);
      await this.db.close();
    });
  }
}

/**
 * Opens the database the data directory's pointer names. A bulk load in another process may switch
 * the pointer between our reading it and our opening the database (which then is no longer
 * served): read it again after opening, and start over when it moved.
 */
async function openCurrent(config: KuzuConfig): Promise<{ db: Database; name: string }> {
  for (let attempt = 0; ; attempt++) {
    const name = currentDatabase(config.dataDir);
    const db = await openDatabase(config, name);
    if (currentDatabase(config.dataDir) === name || attempt >= 3) return { db, name };
    await db.close();
  }
}

async function storedModelHash(db: Database, queries: QuerySet, config: KuzuConfig): Promise<string | null> {
  const connection = new kuzu.Connection(db);
  try {
    const cache = new StatementCache(connection);
    await cache.run(queries.get('graphMetaTable'), {});
    const rows = await cache.run(queries.get('graphMeta'), {});
    const row = rows.find((r) => r['key'] === GRAPH_META_KEYS.modelHash);
    return typeof row?.['value'] === 'string' ? row['value'] : null;
  } catch (error) {
    throw mapError(error, 'graphMeta', config.queryTimeoutMs, config.dataDir);
  } finally {
    await connection.close().catch(() => undefined);
  }
}
