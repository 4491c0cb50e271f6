import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import kuzu from 'kuzu';
import type { Logger } from 'pino';
import type { KuzuConfig } from '../../config.js';
import { GRAPH_META_KEYS } from '../graph-meta.js';
import type { QuerySet } from '../queries.js';
import { ResourcePool } from './connection-pool.js';
import { currentDatabase, removeDatabase, removeStale, switchCurrent } from './kuzu-data-dir.js';
import {
  type Connection,
  type Database,
  mapError,
  openConnection,
  StatementCache,
} from './kuzu-statements.js';

/** Opens (creating if needed) database `name` in the data directory with a buffer pool of `poolBytes`. */
export async function openDatabase(
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

/**
 * The database the store serves, its read connections (each with its prepared statements) and the
 * pool that lends them out. A bulk load switches it to a new database, so the database, its
 * connections and the pool change: every read takes them from these fields at the moment it starts.
 */
export class ServedDatabase {
  private connections: Connection[];
  private reads: ResourcePool<StatementCache>;

  private constructor(
    private current: Database,
    /** The database file served now, in the data directory. */
    private name: string,
    private readonly config: KuzuConfig,
    private readonly log: Logger,
  ) {
    ({ connections: this.connections, reads: this.reads } = readConnections(current, config));
  }

  /**
   * Opens (creating if needed) the database the pointer of `config.dataDir` names (see
   * kuzu-data-dir.ts). Throws StoreLockedError when another process has it open. Removes what a
   * load killed half-way left behind. A database built under another model is emptied: its content
   * is derived from the seeds, which are reloaded.
   */
  static async open(
    config: KuzuConfig,
    queries: QuerySet,
    modelHash: string,
    log: Logger,
  ): Promise<ServedDatabase> {
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
    return new ServedDatabase(db, name, config, log);
  }

  /** The database served now; writes go to it. */
  get db(): Database {
    return this.current;
  }

  /** Runs `work` on a read connection of the database served now, waiting for one to be free. */
  use<R>(work: (cache: StatementCache) => Promise<R>): Promise<R> {
    return this.reads.use(work);
  }

  /**
   * Serves database `name` from now on: opens it with the serving buffer pool, points the data
   * directory at it (an atomic rename), moves reads over, and closes and removes the old one. Reads
   * already running finish on the old database first: a Kuzu result still open when its database
   * closes crashes the process. `onSwitched` runs once the pointer names the new database, from
   * which point nothing may remove it. Callers hold the write gate.
   */
  async switchTo(name: string, onSwitched: () => void): Promise<void> {
    const db = await openDatabase(this.config, name);
    try {
      switchCurrent(this.config.dataDir, name);
    } catch (error) {
      await db.close().catch(() => undefined);
      throw error;
    }
    onSwitched();
    const old = { db: this.current, name: this.name, connections: this.connections, reads: this.reads };
    this.current = db;
    this.name = name;
    ({ connections: this.connections, reads: this.reads } = readConnections(db, this.config));
    // New reads take the new pool from here on; the old pool's borrowers finish, then it closes.
    await old.reads.closeWhenReturned();
    for (const connection of old.connections) await connection.close().catch(() => undefined);
    await old.db.close();
    try {
      removeDatabase(this.config.dataDir, old.name);
    } catch (error) {
      // The switch is done; what is left is removed by the next open.
      this.log.warn({ error, database: old.name }, 'could not remove the database a load replaced');
    }
  }

  /** Waits for the reads in flight, then closes every connection and the database. */
  async close(): Promise<void> {
    // Reads in flight finish first: their results must be closed before their connections.
    await this.reads.closeWhenReturned();
    for (const connection of this.connections) await connection.close().catch(() => undefined);
    await this.current.close();
  }
}

/** Read connections on one database, each with its prepared statements. */
function readConnections(
  db: Database,
  config: KuzuConfig,
): { connections: Connection[]; reads: ResourcePool<StatementCache> } {
  const connections = Array.from({ length: config.readPoolSize }, () =>
    openConnection(db, config.queryTimeoutMs),
  );
  return { connections, reads: new ResourcePool(connections.map((c) => new StatementCache(c))) };
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

/** The model hash the database's metadata records, or null when it records none (a new database). */
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
