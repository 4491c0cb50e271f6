import type { Neo4jConfig } from '../../config.js';
import {
  ReadTooLargeError,
  StoreAuthError,
  StoreBusyError,
  StoreError,
  StoreQueryError,
  StoreTimeoutError,
  StoreUnavailableError,
} from '../errors.js';
import type { Row } from '../executor.js';
import { toPlain } from './plain-values.js';

/** The driver's one retry window for transient failures (see Neo4jExecutor.open). */
export const RETRY_MS = 1000;

/** Maps any driver failure to a named store error; the one place that reads the driver's codes. */
export function mapError(error: unknown, query: string, config: Neo4jConfig, timeoutMs: number): StoreError {
  if (error instanceof StoreError) return error;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split('\n')[0] ?? message;
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || /acquisition timed out/i.test(first)) {
    return new StoreUnavailableError(`Neo4j at ${config.uri} is unavailable: ${first}`, { cause: error });
  }
  if (
    code === 'Neo.ClientError.Security.Unauthorized' ||
    code.startsWith('Neo.ClientError.Security.Authentication')
  ) {
    return new StoreAuthError(`Neo4j at ${config.uri} refused the credentials of user ${config.user}`, {
      cause: error,
    });
  }
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) {
    return new StoreTimeoutError(query, timeoutMs, { cause: error });
  }
  if (code.startsWith('Neo.TransientError.General.') && /Memory/.test(code)) {
    return new StoreBusyError(query, { cause: error });
  }
  // Over the memory Neo4j allows one transaction (dbms.memory.transaction.*): asking again will
  // not help, asking for less will.
  if (code === 'Neo.ClientError.General.TransactionOutOfMemoryError') {
    return new ReadTooLargeError('the memory Neo4j allows one transaction', { cause: error });
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new StoreUnavailableError(`Neo4j at ${config.uri} has no database ${config.database}`, {
      cause: error,
    });
  }
  return new StoreQueryError(query, first, { cause: error });
}

/**
 * Settles with `work`, or rejects once `ms` have passed. The driver's own timeouts do not cover a
 * server that accepts the connection and then says nothing; this bounds every call regardless.
 */
export async function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Starts a statement (or a rollback) without the stack trace the driver captures for every result
 * it makes (kept to show on a later failure). Formatting it, through the source maps tsx turns on,
 * cost about 0.3 ms of main-thread time per statement in a CPU profile of the service; failures
 * here are mapped to store errors that name the statement, so that stack is never shown.
 */
export function runWithoutStack<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * Records as plain rows: each column read by its index (the driver's toObject walks generator
 * iterators per field, a visible cost on pages of a hundred rows), each value made plain.
 */
export function toRows(
  records: readonly { readonly keys: readonly PropertyKey[]; get(index: number): unknown }[],
): Row[] {
  const rows = new Array<Row>(records.length);
  for (let r = 0; r < records.length; r++) {
    const record = records[r] as (typeof records)[number];
    const row: Record<string, unknown> = {};
    for (let i = 0; i < record.keys.length; i++) row[record.keys[i] as string] = toPlain(record.get(i));
    rows[r] = row as Row;
  }
  return rows;
}
