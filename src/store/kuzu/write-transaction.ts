import type { KuzuConfig } from '../../config.js';
import type { WriteTransaction } from '../executor.js';
import { type Database, mapError, openConnection, runText, StatementCache } from './kuzu-statements.js';

/**
 * Runs `work` on database `db` in one write transaction (or, for DDL, without one) on a fresh
 * connection: one that saw a failed transaction is never reused. Callers hold the write gate.
 * Throws a StoreError named after the statement that failed.
 */
export async function writeTransaction<T>(
  db: Database,
  config: KuzuConfig,
  work: (tx: WriteTransaction) => Promise<T>,
  transactional = true,
): Promise<T> {
  const connection = openConnection(db, config.writeTimeoutMs);
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
    throw mapError(error, current, config.writeTimeoutMs, config.dataDir);
  } finally {
    await connection.close().catch(() => undefined);
  }
}
