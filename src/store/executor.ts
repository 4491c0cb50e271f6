import type { Engine } from './engine.js';
import type { GraphSource } from './graph-source.js';
import type { LoadProgress } from './load-progress.js';
import type { ReadStats, WriteSummary } from './port.js';
import type { Query, QuerySet } from './queries.js';

/** Query parameters: primitives and lists of them, as both engines accept. */
export type Params = Readonly<Record<string, unknown>>;

/**
 * A result row with engine values already made plain: nodes and relationships as their property
 * maps, numbers as JS numbers. Still `unknown` inside: the store parses rows with zod.
 */
export type Row = Readonly<Record<string, unknown>>;

/**
 * Reads that belong together (one request): on Neo4j they share one read transaction, opened at the
 * first statement and bounded by the scope's deadline; on Kuzu each runs on a pooled connection.
 * Counts what it ran, so a request's cost in statements and rows can be reported and tested.
 */
/**
 * Where a read's list parameter comes from (ReadScope.readAfter): `column` of the rows of another
 * read of the same scope, of its first `keep` rows when not null (a page's extra row is left out).
 */
export interface ReadLink {
  /** The other read, as its `read` or `readAfter` returned it. */
  readonly source: Promise<Row[]>;
  readonly column: string;
  /** The parameter that takes the column's values. */
  readonly param: string;
  readonly keep: number | null;
}

export interface ReadScope {
  read(query: Query, params: Params): Promise<Row[]>;
  /**
   * A read whose list parameter `link.param` holds another read's values (see ReadLink). Where the
   * engine has it (Neo4j), both go to the database as one statement: a query's levels without a
   * statement each. Absent on Kuzu, where a statement costs little: the caller reads level by level.
   */
  readAfter?(query: Query, params: Params, link: ReadLink): Promise<Row[]>;
  stats(): Omit<ReadStats, 'bytes'>;
  /** Ends the transaction, if one was opened. Further reads fail. */
  close(): Promise<void>;
}

/** Runs statements inside one open write transaction. */
export interface WriteTransaction {
  run(query: Query, params: Params): Promise<Row[]>;
}

/**
 * What every load runs last, after every node and relationship is written. Both engines call it, so
 * no way of loading can skip it.
 */
export interface FinishLoad {
  /**
   * The statements that derive stored aggregates (DERIVE_QUERIES), in order, with no parameters: on
   * Kuzu on the new database once its COPYs are committed, on Neo4j as their staged variants on the
   * staged graph; each committed on its own, since nothing serves that graph yet.
   */
  derive(tx: WriteTransaction): Promise<void>;
  /** The graph's metadata, written where the new graph becomes the served one (Neo4j: in the switch). */
  record(tx: WriteTransaction): Promise<void>;
}

/**
 * What an engine adapter provides: reads, one write transaction at a time, and the engine's way of
 * writing a whole graph. Everything above this (the GraphStore methods) is shared by both engines.
 */
export interface CypherExecutor {
  readonly engine: Engine;
  readonly queries: QuerySet;
  /** Runs one read query under the read timeout, in a transaction of its own. */
  read(query: Query, params: Params): Promise<Row[]>;
  /** A scope for the reads of one request; `deadlineMs` bounds its transaction (Neo4j). */
  readScope(deadlineMs: number): ReadScope;
  /** Runs `work` in one write transaction: committed if it resolves, rolled back if it throws. */
  write<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T>;
  /**
   * Replaces the whole graph with the one `source` streams, all or nothing, the engine's way (see
   * each adapter): every node, then every relationship, then `finish` (the derive statements and
   * the graph's metadata) on the new graph before it is committed or switched to. A failure or a
   * kill at any point leaves the graph the store had. Throws a StoreError.
   */
  loadGraph(source: GraphSource, finish: FinishLoad, progress: LoadProgress): Promise<WriteSummary>;
  /** Another load running against the store (see GraphStore.loadInProgress), or null. */
  loadInProgress(): Promise<string | null>;
  /** What stopped loads left in the store (see GraphStore.leftByLoads), or null. */
  leftByLoads(): Promise<string | null>;
  close(): Promise<void>;
}
