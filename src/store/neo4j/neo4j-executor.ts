import neo4j, { type Driver, type ManagedTransaction, type Session, type Transaction } from 'neo4j-driver';
import type { Neo4jConfig } from '../../config.js';
import { DERIVE_QUERIES } from '../derive.js';
import { StoreQueryError, StoreTimeoutError, StoreUnavailableError } from '../errors.js';
import type {
  CypherExecutor,
  FinishLoad,
  Params,
  ReadLink,
  ReadScope,
  Row,
  WriteTransaction,
} from '../executor.js';
import { neo4jSchemaQueryNames, stagedDeriveQueryName } from '../generated-cypher.js';
import type { GraphSource } from '../graph-source.js';
import type { LoadProgress } from '../load-progress.js';
import type { WriteSummary } from '../port.js';
import type { Query, QuerySet } from '../queries.js';
import { mapError, RETRY_MS, runWithoutStack, toRows, withDeadline } from './neo4j-calls.js';
import { leftByLoads, loadLeaseHolder, STAGED_LOAD_QUERIES, stagedLoad } from './neo4j-staged-load.js';
import { toParams, toPlain } from './plain-values.js';
import { composeBatch, partRows, StatementShapes } from './statement-batch.js';

/** Schema statements, run at start-up, each on its own (they cannot share a transaction with data). */
const NEO4J_SCHEMA = ['graphMetaKey', 'graphLoadKey', 'stagedEntityId', ...neo4jSchemaQueryNames()];

/** Query names this adapter runs itself, on top of the shared store's. */
export const NEO4J_QUERIES = [
  ...NEO4J_SCHEMA,
  ...STAGED_LOAD_QUERIES,
  ...DERIVE_QUERIES.map(stagedDeriveQueryName),
];

/** A statement of a request waiting for the end of its tick (see readScope). */
interface Waiting {
  readonly query: Query;
  readonly params: Params;
  /** Where its list parameter comes from (readAfter), with that read's own entry when known. */
  readonly link?: ReadLink & { readonly from: Waiting | undefined };
  resolve(rows: Row[]): void;
  reject(error: unknown): void;
}

/** The values a link takes from its source's rows: the column's strings, each once, in order. */
function linkedValues(rows: readonly Row[], link: ReadLink): string[] {
  const kept = link.keep === null ? rows : rows.slice(0, link.keep);
  return [...new Set(kept.map((r) => r[link.column]).filter((v): v is string => typeof v === 'string'))];
}

/** The Neo4j engine, kept thin: sessions, managed transactions, error and value mapping. */
export class Neo4jExecutor implements CypherExecutor {
  readonly engine = 'neo4j' as const;
  /** What every read statement run so far showed, so later runs can go in a batch. */
  private readonly shapes: StatementShapes;

  private constructor(
    private readonly driver: Driver,
    readonly queries: QuerySet,
    private readonly config: Neo4jConfig,
  ) {
    this.shapes = new StatementShapes(config.batchMaxRows);
  }

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
    const session = this.session('WRITE');
    try {
      for (const name of NEO4J_SCHEMA) await session.run(this.queries.get(name).text);
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

  /**
   * A request's reads in one read transaction, begun at its first statement: one round of session
   * and transaction set-up per request instead of one per statement. The transaction's timeout is
   * the request's deadline. The statements a request starts in one tick (the DataLoader batches of
   * one level) wait for that tick to end and go to Neo4j as one statement (statement-batch.ts),
   * each getting its own rows back; one whose columns are not known yet runs on its own, and the
   * driver runs those one after another on the transaction's connection.
   */
  readScope(deadlineMs: number): ReadScope {
    let session: Session | null = null;
    let tx: Transaction | null = null;
    let statements = 0;
    let sent = 0;
    let rows = 0;
    let transactions = 0;
    let closed = false;
    let waiting: Waiting[] = [];
    /** Each pending or sent read's entry, by the promise it handed out, so a link can name it. */
    const entries = new WeakMap<Promise<Row[]>, Waiting>();
    const begin = (): Transaction => {
      if (!tx) {
        session = this.session('READ');
        tx = session.beginTransaction({ timeout: deadlineMs });
        transactions++;
      }
      return tx;
    };
    const limit = deadlineMs + this.config.connectTimeoutMs + RETRY_MS;
    // The transaction's timeout counts from its first statement; the request's from its start.
    const deadline = performance.now() + deadlineMs;
    const run = async (name: string, text: string, params: Params) => {
      sent++;
      try {
        return await withDeadline(
          runWithoutStack(() => {
            const result = begin().run(text, toParams(params));
            // The columns, also of a statement that returns no row (see runAlone).
            let keys: readonly string[] | undefined;
            result.keys().then(
              (k) => {
                keys = k;
              },
              () => undefined,
            );
            return result.then((r) => ({ records: r.records, keys: keys ?? [] }));
          }),
          limit,
          () =>
            new StoreUnavailableError(
              `Neo4j at ${this.config.uri} did not answer ${name} within ${limit} ms`,
            ),
        );
      } catch (error) {
        throw mapError(error, name, this.config, deadlineMs);
      }
    };
    const runAlone = async ({ query, params, resolve, reject }: Waiting) => {
      try {
        const result = await run(query.name, query.text, params);
        // Its columns from its rows, or from the driver's keys when it answered none: a read that
        // follows another one (readAfter) and often finds nothing can still go in a batch.
        this.shapes.saw(query.name, result.records[0]?.keys ?? result.keys, result.records.length);
        rows += result.records.length;
        resolve(toRows(result.records));
      } catch (error) {
        reject(error);
      }
    };
    const runBatch = async (batch: readonly Waiting[], columns: readonly (readonly string[])[]) => {
      const name = `a batch of ${batch.map((w) => w.query.name).join(', ')}`;
      try {
        const composed = composeBatch(
          batch.map((w, i) => {
            const from = w.link ? batch.indexOf(w.link.from as Waiting) : -1;
            const link = w.link
              ? {
                  part: from,
                  index: (columns[from] ?? []).indexOf(w.link.column),
                  param: w.link.param,
                  keep: w.link.keep,
                }
              : undefined;
            return {
              text: w.query.text,
              params: w.params,
              columns: columns[i] ?? [],
              ...(link ? { link } : {}),
            };
          }),
        );
        const result = await run(name, composed.text, composed.params);
        const record = result.records[0];
        if (!record || result.records.length !== 1) throw new StoreQueryError(name, 'no single batch record');
        const parts = batch.map((_, i) => partRows((c) => record.get(c), i, columns[i] ?? [], toPlain));
        batch.forEach((w, i) => {
          const part = parts[i] ?? [];
          this.shapes.saw(w.query.name, columns[i], part.length);
          rows += part.length;
          w.resolve(part);
        });
      } catch (error) {
        const failure = mapError(error, name, this.config, deadlineMs);
        for (const w of batch) w.reject(failure);
      }
    };
    const flush = () => {
      const due = waiting;
      waiting = [];
      if (closed) {
        for (const w of due) w.reject(new StoreUnavailableError('the request has ended'));
        return;
      }
      // A linked read goes in the batch only after its source, and only with a column it has.
      const known: Waiting[] = [];
      for (const w of due) {
        if (!this.shapes.batchColumns(w.query.name)) continue;
        const from = w.link?.from;
        if (
          w.link &&
          !(
            from &&
            known.includes(from) &&
            this.shapes.batchColumns(from.query.name)?.includes(w.link.column)
          )
        )
          continue;
        known.push(w);
      }
      const batch = known.length > 1 ? known : [];
      for (const w of due) {
        if (batch.includes(w)) continue;
        const link = w.link;
        if (!link) {
          void runAlone(w);
          continue;
        }
        // Alone, a linked read waits for its source's rows and takes their values as they are.
        link.source.then(
          (rows) => {
            const values = linkedValues(rows, link);
            if (values.length === 0) w.resolve([]);
            else void runAlone({ ...w, params: { ...w.params, [link.param]: values } });
          },
          (error: unknown) => w.reject(error),
        );
      }
      if (batch.length > 0)
        void runBatch(
          batch,
          batch.map((w) => this.shapes.batchColumns(w.query.name) ?? []),
        );
    };
    const enqueue = (query: Query, params: Params, link?: ReadLink): Promise<Row[]> => {
      if (closed) return Promise.reject(new StoreUnavailableError('the request has ended'));
      if (performance.now() > deadline)
        return Promise.reject(new StoreTimeoutError(`${query.name} (the request)`, deadlineMs));
      statements++;
      let entry: Waiting | undefined;
      const promise = new Promise<Row[]>((resolve, reject) => {
        entry = link
          ? { query, params, link: { ...link, from: entries.get(link.source) }, resolve, reject }
          : { query, params, resolve, reject };
        waiting.push(entry);
        // The end of the tick: every statement the level's batches start is in by then.
        if (waiting.length === 1) setImmediate(flush);
      });
      if (entry) entries.set(promise, entry);
      return promise;
    };
    return {
      read: (query, params) => enqueue(query, params),
      readAfter: (query, params, link) => enqueue(query, params, link),
      stats: () => ({ statements, sent, rows, transactions }),
      close: async () => {
        closed = true;
        const open = tx as Transaction | null;
        const owner = session as Session | null;
        tx = null;
        session = null;
        if (open?.isOpen()) await runWithoutStack(() => open.rollback()).catch(() => undefined);
        // A session whose query hangs cannot be closed cleanly: do not wait for it.
        owner?.close().catch(() => undefined);
      },
    };
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
      return toRows(result.records);
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
                return toRows((await tx.run(query.text, params)).records);
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

  /** Replaces the graph through a staged graph and a switch (neo4j-staged-load.ts). */
  loadGraph(source: GraphSource, finish: FinishLoad, progress: LoadProgress): Promise<WriteSummary> {
    return stagedLoad(this.driver, this.config, this.queries, source, finish, progress);
  }

  /** The load lease's holder, when it holds it (neo4j-staged-load.ts). */
  loadInProgress(): Promise<string | null> {
    return loadLeaseHolder(this.readByName, this.config);
  }

  /** Staged or replaced graphs of stopped loads (neo4j-staged-load.ts). */
  leftByLoads(): Promise<string | null> {
    return leftByLoads(this.readByName, this.config);
  }

  private readonly readByName = (name: string, params: Params) => this.read(this.queries.get(name), params);

  async close(): Promise<void> {
    await this.driver.close();
  }
}
