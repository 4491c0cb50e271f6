import type { KuzuConfig } from '../../config.js';
import { StoreBusyError, type StoreError } from '../errors.js';
import type { FinishLoad, WriteTransaction } from '../executor.js';
import type { GraphSource } from '../graph-source.js';
import type { LoadProgress } from '../load-progress.js';
import type { WriteSummary } from '../port.js';
import type { Query } from '../queries.js';
import { bulkLoad, type StagingDatabase } from './kuzu-bulk-load.js';
import { copyFolder, removeDatabase } from './kuzu-data-dir.js';
import { openDatabase } from './kuzu-database.js';
import {
  type Connection,
  type Database,
  mapError,
  openConnection,
  readRows,
  runText,
  StatementCache,
} from './kuzu-statements.js';

/**
 * Builds the graph of `source` in a new database file `name` in the data directory, beside the
 * served one and invisible to it: its tables (`schema`), then COPY of every node and relationship,
 * derive statements and metadata (see kuzu-bulk-load.ts). Closes the new database, which
 * checkpoints it, so everything is in its file when this resolves. On failure it closes what it
 * opened, removes the partial database and throws a StoreError (see loadFailure).
 */
export async function buildDatabase(
  config: KuzuConfig,
  name: string,
  schema: readonly Query[],
  source: GraphSource,
  finish: FinishLoad,
  progress: LoadProgress,
): Promise<WriteSummary> {
  let staging: Database | null = null;
  let connection: Connection | null = null;
  let current = 'open';
  try {
    // A buffer pool of its own: COPY needs far more than queries do (see kuzu-bulk-load.ts).
    staging = await openDatabase(config, name, config.loadBufferPoolBytes);
    connection = openConnection(staging, config.writeTimeoutMs);
    const open = connection;
    for (const query of schema) {
      current = query.name;
      await runText(open, query.text);
    }
    const db = staging;
    const target: StagingDatabase = {
      run: async (statement, text) => {
        current = statement;
        return readRows(await open.query(text));
      },
      transaction: (work) => commitEach(db, config, work),
    };
    const summary = await bulkLoad(target, copyFolder(config.dataDir, name), source, finish, progress);
    current = 'close';
    await open.close();
    connection = null;
    await db.close();
    staging = null;
    return summary;
  } catch (error) {
    await connection?.close().catch(() => undefined);
    await staging?.close().catch(() => undefined);
    removeDatabase(config.dataDir, name);
    throw loadFailure(error, current, config);
  }
}

/** The StoreError a failed step of a load gives; a full buffer pool names the setting to raise. */
export function loadFailure(error: unknown, step: string, config: KuzuConfig): StoreError {
  const failure = mapError(error, step, config.writeTimeoutMs, config.dataDir);
  if (!(failure instanceof StoreBusyError)) return failure;
  const mb = Math.round(config.loadBufferPoolBytes / 1048576);
  return new StoreBusyError(failure.query, {
    cause: error,
    hint: `the load's buffer pool (${mb} MB) is full; raise HLP_KUZU_LOAD_BUFFER_POOL_MB`,
  });
}

/**
 * Runs `work` on a database nothing serves yet, each statement in a transaction of its own,
 * committed and checkpointed before the next: what a statement wrote leaves the buffer pool, so
 * the derive statements of a large load need only the pool one of them needs (in one transaction,
 * 512 MB ran out at a million relationships). All or nothing still holds: a failure leaves a
 * database that is removed, never switched to.
 */
async function commitEach<T>(
  db: Database,
  config: KuzuConfig,
  work: (tx: WriteTransaction) => Promise<T>,
): Promise<T> {
  const connection = openConnection(db, config.writeTimeoutMs);
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
    throw mapError(error, current, config.writeTimeoutMs, config.dataDir);
  } finally {
    await connection.close().catch(() => undefined);
  }
}
