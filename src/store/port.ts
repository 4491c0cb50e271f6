import type { NodeKind } from '../model/graph-model.js';
import type { GraphData, NodeRecord } from '../model/records.js';
import type { Engine } from './queries.js';

/** A position in the (name, id) order that node lists are paged by. */
export interface NodeKey {
  readonly name: string;
  readonly id: string;
}

export interface NodePageArgs {
  readonly kind: NodeKind;
  /** Only nodes after this key (exclusive). */
  readonly after?: NodeKey | null;
  /** Only nodes before this key (exclusive). */
  readonly before?: NodeKey | null;
  readonly limit: number;
  /** Take the page from the end of the range (for `last`): results come back nearest the end first. */
  readonly fromEnd?: boolean;
}

/** What the graph in a store was loaded from: a hash of the seeds and of the model. */
export interface GraphVersion {
  readonly seedHash: string;
  readonly loadedAt: string;
}

export interface WriteSummary {
  readonly nodes: number;
  readonly edges: number;
}

/**
 * Everything the service needs from a graph store, and nothing engine-specific.
 *
 * Keyed batch methods return one result per key, in key order, with null for a key that matches
 * nothing. Every method throws a StoreError (see errors.ts) when the engine fails.
 */
export interface GraphStore {
  readonly engine: Engine;

  /** Nodes of any kind by id, in key order; null where no node has that id. */
  nodesByIds(ids: readonly string[]): Promise<(NodeRecord | null)[]>;

  /** One page of nodes of a kind between the given keys: (name, id) order, or its reverse with fromEnd. */
  nodesPage(args: NodePageArgs): Promise<NodeRecord[]>;

  /** Number of nodes of each kind, in key order (0 for a kind with none). */
  countsByKinds(kinds: readonly NodeKind[]): Promise<number[]>;

  /** What the stored graph was loaded from, or null if nothing was ever loaded. */
  graphVersion(): Promise<GraphVersion | null>;

  /**
   * Replaces the whole graph with `graph` in one transaction and records `seedHash`. Either all of it
   * is written or, on any failure (or a crash), the store keeps what it had.
   */
  replaceGraph(graph: GraphData, seedHash: string): Promise<WriteSummary>;

  /** The whole graph, nodes and edges ordered by id: what the export writes. */
  readGraph(): Promise<GraphData>;

  /** Resolves when the store answers a trivial query; throws StoreUnavailableError otherwise. */
  ping(): Promise<void>;

  /** Releases connections; further calls fail. */
  close(): Promise<void>;
}
