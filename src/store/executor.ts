import type { GraphData } from '../model/records.js';
import type { WriteSummary } from './port.js';
import type { Engine, Query, QuerySet } from './queries.js';

/** Query parameters: primitives and lists of them, as both engines accept. */
export type Params = Readonly<Record<string, unknown>>;

/**
 * A result row with engine values already made plain: nodes and relationships as their property
 * maps, numbers as JS numbers. Still `unknown` inside: the store parses rows with zod.
 */
export type Row = Readonly<Record<string, unknown>>;

/** Runs statements inside one open write transaction. */
export interface WriteTransaction {
  run(query: Query, params: Params): Promise<Row[]>;
}

/**
 * What an engine adapter provides: reads, one write transaction at a time, and the engine's way of
 * writing a whole graph. Everything above this (the GraphStore methods) is shared by both engines.
 */
export interface CypherExecutor {
  readonly engine: Engine;
  readonly queries: QuerySet;
  /** Runs one read query under the read timeout. */
  read(query: Query, params: Params): Promise<Row[]>;
  /** Runs `work` in one write transaction: committed if it resolves, rolled back if it throws. */
  write<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T>;
  /** Writes every node and edge of `graph` inside `tx` (the graph has been cleared before). */
  writeGraph(tx: WriteTransaction, graph: GraphData): Promise<WriteSummary>;
  close(): Promise<void>;
}
