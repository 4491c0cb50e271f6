import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import type { Neo4jConfig } from '../../config.js';
import type { GraphData } from '../../model/records.js';
import {
  StoreAuthError,
  StoreError,
  StoreQueryError,
  StoreTimeoutError,
  StoreUnavailableError,
} from '../errors.js';
import type { CypherExecutor, Params, Row, WriteTransaction } from '../executor.js';
import { neo4jSchemaQueryNames } from '../generated-cypher.js';
import type { WriteSummary } from '../port.js';
import type { Query, QuerySet } from '../queries.js';
import { edgeWriteRow, nodeWriteRow, toParams, toPlain } from './plain-values.js';

/** Query names this adapter runs itself, on top of the shared store's. */
export const NEO4J_QUERIES = ['graphMetaKey', 'createNodes', 'createEdges', ...neo4jSchemaQueryNames()];

const BATCH = 500;
const RETRY_MS = 1000;

/** Maps any driver failure to a named store error; the one place that reads the driver's codes. */
function mapError(error: unknown, query: string, config: Neo4jConfig, timeoutMs: number): StoreError {
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
async function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
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

function rows(records: { toObject(): Record<string, unknown> }[]): Row[] {
  return records.map((r) => toPlain(r.toObject()) as Row);
}

/** The Neo4j engine, kept thin: sessions, managed transactions, error and value mapping. */
export class Neo4jExecutor implements CypherExecutor {
  readonly engine = 'neo4j' as const;

  private constructor(
    private readonly driver: Driver,
    readonly queries: QuerySet,
    private readonly config: Neo4jConfig,
  ) {}

  /**
   * Connects, checks that the database answers, and creates constraints and indexes. Throws
   * StoreUnavailableError naming the URI when Neo4j cannot be reached within the connect timeout.
   */
  static async open(config: Neo4jConfig, queries: QuerySet): Promise<Neo4jExecutor> {
    queries.require(NEO4J_QUERIES);
    // No password means a server with auth disabled (the test server): send no credentials at all.
    const auth = config.password === '' ? undefined : neo4j.auth.basic(config.user, config.password);
    const driver = neo4j.driver(config.uri, auth, {
      // The driver's defaults wait 30 to 60 s on a dead server; fail in the configured time instead.
      connectionTimeout: config.connectTimeoutMs,
      connectionAcquisitionTimeout: config.connectTimeoutMs,
      // One short retry window for transient failures (a pooled connection to a restarted server),
      // so a dead server fails a request within the connect timeout plus about a second.
      maxTransactionRetryTime: RETRY_MS,
      userAgent: 'hlp-graph',
    });
    const executor = new Neo4jExecutor(driver, queries, config);
    try {
      await withDeadline(
        driver.verifyConnectivity({ database: config.database }),
        config.connectTimeoutMs,
        () =>
          new StoreUnavailableError(
            `Neo4j at ${config.uri} did not answer within ${config.connectTimeoutMs} ms`,
          ),
      );
      await executor.applySchema();
    } catch (error) {
      // A connection to a server that does not answer can keep close() waiting: do not wait long.
      await withDeadline(driver.close(), 1000, () => new Error('close timed out')).catch(() => undefined);
      throw mapError(error, 'connect', config, config.connectTimeoutMs);
    }
    return executor;
  }

  private async applySchema(): Promise<void> {
    // Schema statements cannot share a transaction with data writes: run each on its own.
    const session = this.session('WRITE');
    try {
      for (const name of NEO4J_QUERIES.filter((n) => n !== 'createNodes' && n !== 'createEdges')) {
        await session.run(this.queries.get(name).text);
      }
    } finally {
      await session.close();
    }
  }

  private session(mode: 'READ' | 'WRITE'): Session {
    return this.driver.session({
      database: this.config.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
  }

  async read(query: Query, params: Params): Promise<Row[]> {
    const session = this.session('READ');
    // The server stops the query at queryTimeoutMs; the deadline also covers connecting, one retry
    // window and a server that has stopped answering.
    const limit = this.config.queryTimeoutMs + this.config.connectTimeoutMs + RETRY_MS;
    try {
      const result = await withDeadline(
        session.executeRead((tx) => tx.run(query.text, toParams(params)), {
          timeout: this.config.queryTimeoutMs,
        }),
        limit,
        () =>
          new StoreUnavailableError(
            `Neo4j at ${this.config.uri} did not answer ${query.name} within ${limit} ms`,
          ),
      );
      return rows(result.records);
    } catch (error) {
      throw mapError(error, query.name, this.config, this.config.queryTimeoutMs);
    } finally {
      // A session whose query hangs cannot be closed cleanly: do not wait for it.
      session.close().catch(() => undefined);
    }
  }

  async write<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    const session = this.session('WRITE');
    let current = 'write';
    const limit = this.config.writeTimeoutMs + this.config.connectTimeoutMs + RETRY_MS;
    try {
      return await withDeadline(
        session.executeWrite(
          (tx: ManagedTransaction) =>
            work({
              // Write rows are typed by the model already (see plain-values.ts): toParams would turn a
              // whole-pound amount into an Integer where the model says float.
              run: async (query, params) => {
                current = query.name;
                return rows((await tx.run(query.text, params)).records);
              },
            }),
          { timeout: this.config.writeTimeoutMs },
        ),
        limit,
        () =>
          new StoreUnavailableError(
            `Neo4j at ${this.config.uri} did not finish the write within ${limit} ms`,
          ),
      );
    } catch (error) {
      throw mapError(error, current, this.config, this.config.writeTimeoutMs);
    } finally {
      session.close().catch(() => undefined);
    }
  }

  async writeGraph(tx: WriteTransaction, graph: GraphData): Promise<WriteSummary> {
    for (let i = 0; i < graph.nodes.length; i += BATCH) {
      const batch = graph.nodes.slice(i, i + BATCH).map(nodeWriteRow);
      await tx.run(this.queries.get('createNodes'), { rows: batch });
    }
    for (let i = 0; i < graph.edges.length; i += BATCH) {
      const batch = graph.edges.slice(i, i + BATCH);
      const [row] = await tx.run(this.queries.get('createEdges'), { rows: batch.map(edgeWriteRow) });
      if (row?.['created'] !== batch.length) {
        throw new StoreQueryError(
          'createEdges',
          `wrote ${String(row?.['created'])} of ${batch.length} relationships: an endpoint is missing`,
        );
      }
    }
    return { nodes: graph.nodes.length, edges: graph.edges.length };
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
