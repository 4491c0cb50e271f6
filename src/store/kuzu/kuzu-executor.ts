import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import kuzu from 'kuzu';
import type { Logger } from 'pino';
import type { KuzuConfig } from '../../config.js';
import type { NodeKind } from '../../model/graph-model.js';
import { edgeToRow, type GraphData, nodeToRow, type StoreRow } from '../../model/records.js';
import { META_KEYS } from '../cypher-store.js';
import {
  StoreError,
  StoreLockedError,
  StoreQueryError,
  StoreTimeoutError,
  StoreUnavailableError,
} from '../errors.js';
import type { CypherExecutor, Params, Row, WriteTransaction } from '../executor.js';
import {
  createEdgesQueryName,
  createNodesQueryName,
  KUZU_LIST_SEPARATOR,
  kuzuSchemaQueryNames,
} from '../generated-cypher.js';
import type { WriteSummary } from '../port.js';
import type { Query, QuerySet } from '../queries.js';
import { ResourcePool, SerialGate } from './connection-pool.js';

type Connection = InstanceType<typeof kuzu.Connection>;
type Database = InstanceType<typeof kuzu.Database>;
type Prepared = InstanceType<typeof kuzu.PreparedStatement>;

/** The database file inside the data directory (Kuzu keeps a .wal next to it). */
export const KUZU_FILE = 'hlp.kuzu';

/** Query names this adapter runs itself, on top of the shared store's. */
export const KUZU_QUERIES = ['graphMetaTable', ...kuzuSchemaQueryNames()];

/** Maps any Kuzu failure to a named store error; the one place that reads Kuzu's messages. */
function mapError(error: unknown, query: string, timeoutMs: number, dataDir: string): StoreError {
  if (error instanceof StoreError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/could not set lock on file/i.test(message)) return new StoreLockedError(dataDir, { cause: error });
  if (/^interrupted/i.test(message.trim())) return new StoreTimeoutError(query, timeoutMs, { cause: error });
  return new StoreQueryError(query, message.split('\n')[0] ?? message, { cause: error });
}

/** Kuzu hands back nodes and relationships as objects with `_label`, `_id`, `_src`, `_dst` beside the properties. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'bigint') return Number(value);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (!key.startsWith('_')) out[key] = plain(inner);
    }
    return out;
  }
  return value;
}

/**
 * A stored row as text for Kuzu's batch writes: numbers as their shortest exact decimal, lists joined
 * by the list separator, an empty list as null (Kuzu stores an empty list as null anyway; reads
 * turn it back into []).
 */
function textRow(row: StoreRow, id: string): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(row)) {
    if (value === null) out[key] = null;
    else if (Array.isArray(value)) {
      const items = value.map(String);
      if (items.some((item) => item.includes(KUZU_LIST_SEPARATOR))) {
        throw new StoreQueryError(
          'createNodes',
          `${id}.${key} holds the character U+241F, which the store reserves`,
        );
      }
      out[key] = items.length === 0 ? null : items.join(KUZU_LIST_SEPARATOR);
    } else out[key] = String(value);
  }
  return out;
}

class StatementCache {
  private readonly prepared = new Map<string, Prepared>();
  constructor(private readonly connection: Connection) {}

  async run(query: Query, params: Params): Promise<Row[]> {
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

/**
 * Reads and closes every result. A result left open when the database closes crashes the process
 * (Kuzu 0.11), so nothing may skip this, including BEGIN and COMMIT.
 */
async function drain(result: Result | Result[]): Promise<Row[]> {
  const results = Array.isArray(result) ? result : [result];
  const rows: Row[] = [];
  try {
    for (const r of results) {
      for (const row of await r.getAll()) rows.push(plain(row) as Row);
    }
  } finally {
    for (const r of results) r.close();
  }
  return rows;
}

async function runText(connection: Connection, text: string): Promise<void> {
  await drain(await connection.query(text));
}

async function openDatabase(config: KuzuConfig): Promise<Database> {
  mkdirSync(config.dataDir, { recursive: true });
  const db = new kuzu.Database(
    join(config.dataDir, KUZU_FILE),
    config.bufferPoolBytes,
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

/** The embedded engine: a pool of read connections and one gate for all writes. */
export class KuzuExecutor implements CypherExecutor {
  readonly engine = 'kuzu' as const;
  private readonly reads: ResourcePool<StatementCache>;
  private readonly gate = new SerialGate();
  private readonly connections: Connection[];
  private closing = false;

  private constructor(
    private readonly db: Database,
    readonly queries: QuerySet,
    private readonly config: KuzuConfig,
  ) {
    this.connections = Array.from({ length: config.readPoolSize }, () => {
      const connection = new kuzu.Connection(db);
      connection.setQueryTimeout(config.queryTimeoutMs);
      return connection;
    });
    this.reads = new ResourcePool(this.connections.map((c) => new StatementCache(c)));
  }

  /**
   * Opens (creating if needed) the store in `config.dataDir` and its tables. Throws StoreLockedError
   * when another process has the directory open. A store built under another model is rebuilt:
   * its content is derived from the seeds, which are reloaded.
   */
  static async open(
    config: KuzuConfig,
    queries: QuerySet,
    modelHash: string,
    log: Logger,
  ): Promise<KuzuExecutor> {
    queries.require(KUZU_QUERIES);
    let db = await openDatabase(config);
    const stored = await storedModelHash(db, queries, config);
    if (stored !== null && stored !== modelHash) {
      log.warn(
        { dataDir: config.dataDir },
        'embedded store was built for another graph model: rebuilding it',
      );
      await db.close();
      for (const suffix of ['', '.wal', '.shadow']) {
        const file = join(config.dataDir, KUZU_FILE + suffix);
        if (existsSync(file)) rmSync(file, { recursive: true, force: true });
      }
      db = await openDatabase(config);
    }
    const executor = new KuzuExecutor(db, queries, config);
    await executor.applySchema();
    return executor;
  }

  private async applySchema(): Promise<void> {
    // DDL is a write: it goes through the gate on its own connection like every other write.
    await this.write(async (tx) => {
      for (const name of KUZU_QUERIES) await tx.run(this.queries.get(name), {});
    }, false);
  }

  async read(query: Query, params: Params): Promise<Row[]> {
    if (this.closing) throw new StoreUnavailableError('the embedded store has been closed');
    for (const [key, value] of Object.entries(params)) {
      if (Array.isArray(value) && value.length === 0) {
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
    return this.gate.run(async () => {
      // A fresh connection for every write transaction: one that saw a failed transaction is never reused.
      const connection = new kuzu.Connection(this.db);
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
    });
  }

  async writeGraph(tx: WriteTransaction, graph: GraphData): Promise<WriteSummary> {
    // One statement per node kind and per relationship kind and endpoint pair: Kuzu cannot take a
    // label from a parameter. Rows travel as text (see generated-cypher.ts, kuzuValue).
    const nodesByKind = new Map<NodeKind, Record<string, string | null>[]>();
    for (const node of graph.nodes) {
      const rows = nodesByKind.get(node.kind) ?? [];
      rows.push(textRow(nodeToRow(node), node.id));
      nodesByKind.set(node.kind, rows);
    }
    for (const [kind, rows] of nodesByKind)
      await tx.run(this.queries.get(createNodesQueryName(kind)), { rows });

    const kinds = new Map(graph.nodes.map((n) => [n.id, n.kind]));
    const edgesByQuery = new Map<string, Record<string, string | null>[]>();
    for (const edge of graph.edges) {
      const from = kinds.get(edge.from);
      const to = kinds.get(edge.to);
      const name = from && to ? createEdgesQueryName(edge.kind, from, to) : null;
      if (!name || !this.queries.has(name)) {
        throw new StoreQueryError(
          'createEdges',
          `relationship ${edge.id} (${edge.kind}) joins kinds the model does not allow, or a missing node`,
        );
      }
      const rows = edgesByQuery.get(name) ?? [];
      rows.push({ from: edge.from, to: edge.to, ...textRow(edgeToRow(edge), edge.id) });
      edgesByQuery.set(name, rows);
    }
    for (const [name, rows] of edgesByQuery) {
      const [result] = await tx.run(this.queries.get(name), { rows });
      if (result?.['created'] !== rows.length) {
        throw new StoreQueryError(
          name,
          `wrote ${String(result?.['created'])} of ${rows.length} relationships: an endpoint is missing`,
        );
      }
    }
    return { nodes: graph.nodes.length, edges: graph.edges.length };
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

async function storedModelHash(db: Database, queries: QuerySet, config: KuzuConfig): Promise<string | null> {
  const connection = new kuzu.Connection(db);
  try {
    const cache = new StatementCache(connection);
    await cache.run(queries.get('graphMetaTable'), {});
    const rows = await cache.run(queries.get('graphMeta'), {});
    const row = rows.find((r) => r['key'] === META_KEYS.modelHash);
    return typeof row?.['value'] === 'string' ? row['value'] : null;
  } catch (error) {
    throw mapError(error, 'graphMeta', config.queryTimeoutMs, config.dataDir);
  } finally {
    await connection.close().catch(() => undefined);
  }
}
