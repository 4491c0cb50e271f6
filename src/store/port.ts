import type { EdgeKind, NodeKind } from '../model/graph-model.js';
import type { EdgeRecord, GraphData, NodeRecord } from '../model/records.js';
import type { Engine } from './queries.js';

/** What the graph in a store was loaded from: a hash of the seeds and of the model. */
export interface GraphVersion {
  readonly seedHash: string;
  readonly loadedAt: string;
}

export interface WriteSummary {
  readonly nodes: number;
  readonly edges: number;
}

/** How funding totals are grouped. */
export type FundingGrouping = 'funder' | 'target' | 'kind' | 'period';

export interface FundingTotalsArgs {
  readonly groupBy: FundingGrouping;
  /** Only lines of this period (2019/20, ...). */
  readonly period?: string | null;
  /** Only lines of this funding kind (core, additional, attracted, other). */
  readonly fundingKind?: string | null;
}

/**
 * Funding summed over one group. Figures that share a conflict group are one line: it counts once,
 * at its lowest value in `low` and its highest in `high` (equal when nothing conflicts).
 */
export interface FundingTotalRow {
  /** The funder's or funded node's id, the funding kind or the period. */
  readonly key: string;
  readonly currency: string;
  readonly low: number;
  readonly high: number;
  /** Funding lines (a conflict group counts once). */
  readonly lines: number;
  /** FUNDS relationships, every conflicting figure counted. */
  readonly edges: number;
  /** Distinct nodes on the other side: what a funder funds, or who funds a node, kind or period. */
  readonly counterparts: number;
}

/** One funding line that reaches an outcome. */
export interface CoFundingRow {
  readonly outcome: string;
  /** The node the money went to (a programme or project). */
  readonly via: string;
  /** The programme or project that aims at the outcome: `via` itself, or a project that is part of it. */
  readonly contributor: string;
  /** Whether the contributor aimed at the outcome or achieved it. */
  readonly status: string;
  readonly funding: EdgeRecord;
}

/** Another organisation that funds something an organisation funds. */
export interface CoFunderRow {
  readonly coFunder: string;
  readonly via: string;
  readonly mine: EdgeRecord;
  readonly theirs: EdgeRecord;
}

export interface ShortestPathsArgs {
  readonly from: string;
  readonly to: string;
  /** 1 to 6. */
  readonly maxHops: number;
  readonly limit: number;
}

/**
 * One path: node ids in the order the path walks them, and for each hop every relationship between
 * its two nodes that makes it a shortest step (two reports of one partnership are two relationships,
 * but one connection).
 */
export interface PathRecord {
  readonly nodeIds: readonly string[];
  readonly edgeIds: readonly (readonly string[])[];
}

/**
 * Everything the service needs from a graph store, and nothing engine-specific.
 *
 * Keyed batch methods return one result per key, in key order, with null (or an empty list) for a
 * key that matches nothing. Every method throws a StoreError (see errors.ts) when the engine fails.
 */
export interface GraphStore {
  readonly engine: Engine;

  /** Nodes of any kind by id, in key order; null where no node has that id. */
  nodesByIds(ids: readonly string[]): Promise<(NodeRecord | null)[]>;

  /** Every node of each kind, in key order, each list ordered by name then id. */
  nodesByKinds(kinds: readonly NodeKind[]): Promise<NodeRecord[][]>;

  /** Number of nodes of each kind, in key order (0 for a kind with none). */
  countsByKinds(kinds: readonly NodeKind[]): Promise<number[]>;

  /** Number of relationships of each kind, in key order (0 for a kind with none). */
  edgeCountsByKinds(kinds: readonly EdgeKind[]): Promise<number[]>;

  /** Every relationship that starts or ends at each node, in key order, each list ordered by id. */
  edgesOfNodes(ids: readonly string[]): Promise<EdgeRecord[][]>;

  /** Relationships by id, in key order; null where none has that id. */
  edgesByIds(ids: readonly string[]): Promise<(EdgeRecord | null)[]>;

  /** Funding summed per funder, funded node, funding kind or period; ordered by key. */
  fundingTotals(args: FundingTotalsArgs): Promise<FundingTotalRow[]>;

  /** Every funding line that reaches an outcome (directly or through a project of the funded programme). */
  coFundingRows(): Promise<CoFundingRow[]>;

  /** For each organisation, in key order, the funding it shares with other funders. */
  coFunderRows(ids: readonly string[]): Promise<CoFunderRow[][]>;

  /**
   * The shortest paths between two nodes, at most `limit` distinct sequences of nodes, in a stable
   * order; none when they are not connected within maxHops.
   */
  shortestPaths(args: ShortestPathsArgs): Promise<PathRecord[]>;

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
