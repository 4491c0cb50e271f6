import kuzu from 'kuzu';
import {
  StoreBusyError,
  StoreError,
  StoreLockedError,
  StoreQueryError,
  StoreTimeoutError,
} from '../errors.js';
import type { Params, Row } from '../executor.js';
import type { Query } from '../queries.js';
import { inlinedParams, inlineParams } from './inline-params.js';
import { plainValue } from './kuzu-values.js';

export type Connection = InstanceType<typeof kuzu.Connection>;
export type Database = InstanceType<typeof kuzu.Database>;
type Prepared = InstanceType<typeof kuzu.PreparedStatement>;
type Result = InstanceType<typeof kuzu.QueryResult>;

/** A new connection on `db` whose statements are interrupted after `timeoutMs` (a StoreTimeoutError). */
export function openConnection(db: Database, timeoutMs: number): Connection {
  const connection = new kuzu.Connection(db);
  connection.setQueryTimeout(timeoutMs);
  return connection;
}

/** Maps any Kuzu failure to a named store error; the one place that reads Kuzu's messages. */
export function mapError(error: unknown, query: string, timeoutMs: number, dataDir: string): StoreError {
  if (error instanceof StoreError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/could not set lock on file/i.test(message)) return new StoreLockedError(dataDir, { cause: error });
  if (/^interrupted/i.test(message.trim())) return new StoreTimeoutError(query, timeoutMs, { cause: error });
  // Path search takes buffer pool it cannot evict; with the pool full of such work, a query fails.
  if (/buffer pool is full|unable to allocate memory/i.test(message))
    return new StoreBusyError(query, { cause: error });
  return new StoreQueryError(query, message.split('\n')[0] ?? message, { cause: error });
}

/**
 * A connection and its prepared statements: each query is prepared once, on first use, and run
 * again with new parameters after that.
 */
export class StatementCache {
  private readonly prepared = new Map<string, Prepared>();
  constructor(private readonly connection: Connection) {}

  /** Runs `query` with `params` and returns all its rows, plain. Throws Kuzu's error as it comes. */
  async run(query: Query, params: Params): Promise<Row[]> {
    if (inlinedParams(query).length > 0) {
      // Its text changes with its values: prepared for this run only, never cached.
      const inlined = inlineParams(query, params);
      const statement = await this.connection.prepare(inlined.text);
      if (!statement.isSuccess()) throw new Error(statement.getErrorMessage());
      return readRows(
        await this.connection.execute(statement, inlined.params as Record<string, kuzu.KuzuValue>),
      );
    }
    let statement = this.prepared.get(query.name);
    if (!statement) {
      statement = await this.connection.prepare(query.text);
      if (!statement.isSuccess()) throw new Error(statement.getErrorMessage());
      this.prepared.set(query.name, statement);
    }
    return readRows(await this.connection.execute(statement, params as Record<string, kuzu.KuzuValue>));
  }
}

/** Rows read synchronously before readRows gives the event loop a turn. */
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
export async function readRows(result: Result | Result[]): Promise<Row[]> {
  const results = Array.isArray(result) ? result : [result];
  const rows: Row[] = [];
  try {
    for (const r of results) {
      if (r.getNumTuples() <= ROWS_PER_TURN) {
        for (const row of r.getAllSync()) rows.push(plainValue(row) as Row);
        continue;
      }
      let read = 0;
      while (r.hasNext()) {
        rows.push(plainValue(r.getNextSync()) as Row);
        if (++read % ROWS_PER_TURN === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
  } finally {
    for (const r of results) r.close();
  }
  return rows;
}

/** Runs a statement that takes no parameters (BEGIN, COMMIT, DDL), reading and closing its results. */
export async function runText(connection: Connection, text: string): Promise<void> {
  await readRows(await connection.query(text));
}
