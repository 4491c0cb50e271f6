import type { EdgeKind, NodeKind } from '../model/graph-model.js';
import type { EdgeRecord, EdgeView, GraphData, GraphView, NodeView, Projection } from '../model/records.js';
import type { Engine } from './engine.js';
import type { GraphSource } from './graph-source.js';
import type { LoadProgress } from './load-progress.js';

/** What the graph in a store was loaded from: a hash of the seeds and of the model. */
export interface GraphVersion {
  readonly seedHash: string;
  readonly loadedAt: string;
}

export interface WriteSummary {
  readonly nodes: number;
  readonly edges: number;
}

export type SortDirection = 'asc' | 'desc';

/* ------------------------------------------------------------------ root lists */

/** What a root list can be narrowed by (LISTS in read-cypher.ts says which list takes which). */
export const LIST_FILTER_NAMES = [
  'nameContains',
  'categories',
  'category',
  'period',
  'minFunded',
  'minCoFundedOutcomes',
  'minFunders',
  'measureContains',
  'unit',
  'status',
  'result',
  'year',
] as const;
export type ListFilter = (typeof LIST_FILTER_NAMES)[number];

/**
 * How a root list can be ordered: each order sorts by a value of this type, then by the name (the
 * name order by the name alone).
 */
export const LIST_ORDERS = {
  name: null,
  fundingGiven: 'number',
  fundedCount: 'number',
  coFundedOutcomes: 'number',
  fundingReceived: 'number',
  funderCount: 'number',
  period: 'string',
  value: 'number',
  newest: 'number',
} as const satisfies Record<string, 'number' | 'string' | null>;
export type ListOrder = keyof typeof LIST_ORDERS;

/** The values a root list is filtered by (see LISTS in read-cypher.ts for which list takes which). */
export type ListFilterValues = Readonly<
  Partial<Record<ListFilter, string | number | readonly string[] | null>>
>;

/** Where a page starts or ends: the order value (none for name order) and the node's name rank. */
export interface ListKey {
  readonly value: string | number | null;
  readonly nameRank: number;
}

/** The type of a list order's sort value in its ListKey: null for the name order (the rank alone). */
export function listKeyType(order: ListOrder): 'number' | 'string' | null {
  return LIST_ORDERS[order];
}

/**
 * One page of a root list: `first` items after `after`, or the `last` items before `before` (both
 * cursors may be given; the page lies strictly between them), in `order` then name, `direction`
 * applying to both (DESC is the exact reverse of ASC).
 */
export interface ListQuery {
  readonly kind: NodeKind;
  readonly filter: ListFilterValues;
  readonly order: ListOrder;
  readonly direction: SortDirection;
  readonly after: ListKey | null;
  readonly before: ListKey | null;
  /** How many items, counted from the front (`from: 'start'`) or from the back. */
  readonly size: number;
  readonly from: 'start' | 'end';
  readonly withEvidence: boolean;
  /** `core`: the nodes' core properties only (see Projection). */
  readonly projection: Projection;
  /** Also count the nodes that pass the filters, in the statement that reads the page (no cursor). */
  readonly withCount: boolean;
}

export interface ListPage {
  /** The page's nodes in connection order, each with its key. */
  readonly items: readonly { readonly node: NodeView; readonly key: ListKey }[];
  /** Whether more items lie beyond the page, on the side it was counted from. */
  readonly more: boolean;
  /** How many nodes pass the filters, when `withCount` was asked with no cursor; else null. */
  readonly total: number | null;
}

/* ------------------------------------------------------------------ relationship fields */

export type RelatedOrder = 'name' | 'kind' | 'period' | 'amount';

/** Where a relationship page starts or ends: the order value, the other node's name rank, the tie key. */
export interface RelatedKey {
  readonly value: number;
  readonly nameRank: number;
  readonly tieKey: number;
}

/** A relationship field's question, the same for every parent of a batch. */
export interface RelatedQuery {
  readonly edgeKinds: readonly EdgeKind[];
  readonly direction: 'out' | 'in' | 'both';
  /** Only these kinds of node at the other end. */
  readonly otherKinds: readonly NodeKind[];
  /** Only relationships whose role contains this (any case). */
  readonly role: string | null;
  readonly period: string | null;
  readonly order: RelatedOrder;
  readonly sortDirection: SortDirection;
  readonly after: RelatedKey | null;
  readonly before: RelatedKey | null;
  readonly size: number;
  readonly from: 'start' | 'end';
  readonly withEvidence: boolean;
  /** `core`: the core properties of relationships and nodes only (see Projection); not with evidence. */
  readonly projection: Projection;
  /**
   * Count the field with the page (its totalCount, in the same statement). Honoured for a page with
   * no cursor; a page after or before one is counted by relatedCounts.
   */
  readonly withCount: boolean;
}

/** A relationship seen from one of its ends. */
export interface RelatedRow {
  readonly edge: EdgeView;
  /** The node at the other end. */
  readonly node: NodeView;
  /** True when the relationship points from the parent to `node`. */
  readonly outgoing: boolean;
  readonly key: RelatedKey;
}

export interface RelatedPage {
  readonly rows: readonly RelatedRow[];
  readonly more: boolean;
  /** The field's totalCount, read with the page when the query asked `withCount`, else null. */
  readonly total: number | null;
}

/* ------------------------------------------------------------------ funding */

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

/** One end of a funding line: the node's id, kind and name. */
export interface FundingEnd {
  readonly id: string;
  readonly kind: NodeKind;
  readonly name: string;
}

/** A funding line (FUNDS relationship) with its facts, its evidence and both its ends: what the funding export writes. */
export interface FundingLineRecord {
  /** The organisation that gives the money. */
  readonly funder: FundingEnd;
  /** The programme, project or organisation it goes to. */
  readonly recipient: FundingEnd;
  /** The relationship's facts and evidence (nothing derived at load). */
  readonly line: EdgeRecord;
}

/** What the funding lines list keeps: each filter null for none. */
export interface FundingLineFilter {
  /** The funder's id. */
  readonly funder: string | null;
  /** The id of the programme, project or organisation funded. */
  readonly recipient: string | null;
  readonly period: string | null;
  readonly fundingKind: string | null;
}

/**
 * One page of the funding lines a filter keeps, in line id order: `size` lines from the front of the
 * window between the cursors (line ids, exclusive), or from its back.
 */
export interface FundingLineQuery {
  readonly filter: FundingLineFilter;
  readonly after: string | null;
  readonly before: string | null;
  readonly size: number;
  readonly from: 'start' | 'end';
}

export interface FundingLinePage {
  /** The page's lines in id order. */
  readonly items: readonly EdgeView[];
  /** Whether more lines lie beyond the page, on the side it was counted from. */
  readonly more: boolean;
}

/** The money of the lines a filter keeps in one currency, summed as model/funding-lines.ts says. */
export interface FundingLineSum {
  readonly currency: string;
  /** Each conflict group at its lowest figure. */
  readonly low: number;
  /** Each conflict group at its highest figure. */
  readonly high: number;
  /** The lines summed: a total left to its shares, each conflict or joint group once. */
  readonly lines: number;
}

/** One funding line that reaches an outcome (see model/co-funding.ts). */
export interface CoFundingLine {
  readonly outcome: string;
  /** The node the money went to (a programme or project). */
  readonly via: string;
  /** The programme or project that aims at the outcome: `via` itself, or a project that is part of it. */
  readonly contributor: string;
  /** Whether the contributor aimed at the outcome or achieved it. */
  readonly status: string;
  readonly funding: EdgeView;
}

/** Which co-funding lines to read: those of one partner's outcomes, or all, narrowed as asked. */
export interface CoFundingQuery {
  /** Only outcomes this organisation's funding reaches (with every funder of them). */
  readonly partner: string | null;
  readonly outcome: string | null;
  /** Only money that went to this programme or project, or to a programme through this project. */
  readonly via: string | null;
  readonly period: string | null;
  readonly withEvidence: boolean;
}

/** One outcome's co-funding summed in the store: what coFundingLines gives, grouped and summed. */
export interface CoFundingSummary {
  readonly outcome: string;
  /** Organisations whose funding reaches it. */
  readonly funders: number;
  /** Its funding summed as model/funding-lines.ts sums (a conflicting figure at its lowest, its highest). */
  readonly low: number;
  readonly high: number;
  /** Whether figures of one of its lines disagree. */
  readonly conflicts: boolean;
}

/** Another organisation that funds something an organisation funds, with both funding lines. */
export interface CoFunderRow {
  readonly coFunder: NodeView;
  readonly via: string;
  readonly own: EdgeView;
  readonly other: EdgeView;
}

/** A co-funder with the funding both share, summed in the store (see model/funding-lines.ts). */
export interface CoFunderSum {
  readonly coFunder: NodeView;
  /** How many programmes, projects or organisations both fund. */
  readonly shared: number;
  /** The organisation's funding of them (0 when not asked for). */
  readonly own: number;
  /** The co-funder's funding of them (0 when not asked for). */
  readonly other: number;
}

/* ------------------------------------------------------------------ paths, search, reports */

export interface ShortestPathsArgs {
  readonly from: string;
  readonly to: string;
  /** 1 to 6. */
  readonly maxHops: number;
  readonly limit: number;
  /**
   * Nodes no path may pass through, and steps (two nodes, either way round) no path may take: the
   * paths are then the shortest of the graph without them (longer, it may be, than the graph's
   * shortest). How alternative routes are found.
   */
  readonly avoid?: readonly string[];
  readonly avoidSteps?: readonly (readonly [string, string])[];
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

/** What search matches a node by. */
export interface SearchEntry {
  readonly id: string;
  readonly kind: NodeKind;
  readonly name: string;
  readonly aliases: readonly string[];
  /** How many relationships the node has, either way: search ranks equal matches by it. */
  readonly degree: number;
}

/** One page of the nodes a report is evidence for, by name. */
export interface CitingQuery {
  readonly source: string;
  readonly kinds: readonly NodeKind[];
  readonly after: number | null;
  readonly before: number | null;
  readonly size: number;
  readonly from: 'start' | 'end';
}

/** Statements, rows and transactions a reader has used: what a request cost the store. */
export interface ReadStats {
  /** The statements the request ran (each Cypher text once per run). */
  readonly statements: number;
  /**
   * What went to the database: on Neo4j the statements of one tick go as one (see
   * neo4j/statement-batch.ts); on Kuzu each is its own.
   */
  readonly sent: number;
  readonly rows: number;
  readonly transactions: number;
  /** About how many bytes the rows took (see read-budget.ts): falls when a read names fewer columns. */
  readonly bytes: number;
}

/**
 * The questions the API asks of a graph store. The store answers each with one or a fixed number of
 * statements that filter, order, count and cut in the database, so a question costs what its answer
 * costs. Keyed batch methods return one result per key, in key order, with null (or an empty list
 * or page) for a key that matches nothing. Every method throws a StoreError (see errors.ts) when the
 * engine fails.
 */
export interface GraphReader {
  /**
   * Nodes of any kind by id, in key order; null where no node has that id (or the id names no kind).
   * An id that a record merged into another node had (a former id) gives that node, under its own id.
   */
  nodesByIds(ids: readonly string[], withEvidence: boolean): Promise<(NodeView | null)[]>;

  /** One page of a root list. */
  listPage(query: ListQuery): Promise<ListPage>;

  /** How many nodes of a root list pass its filters. */
  listCount(kind: NodeKind, filter: ListFilterValues): Promise<number>;

  /** One page of a relationship field for each parent, in key order. */
  relatedPages(query: RelatedQuery, parents: readonly string[]): Promise<RelatedPage[]>;

  /**
   * The pages of a relationship field for the `kind` nodes another read of this request yields,
   * started before that read has answered: `after` is the promise a `listPage`, or an earlier
   * `followingPages`, handed out (its page's nodes, or the nodes at the other end of its pages). On
   * Neo4j both go to the database as one statement, so a query's levels cost one statement, not
   * one each. By parent id; a parent with no page was not among the nodes. Null when the engine
   * reads level by level (Kuzu), `after` is no such read, or the field takes several statements.
   */
  followingPages(
    after: Promise<unknown>,
    kind: NodeKind,
    query: RelatedQuery,
  ): Promise<ReadonlyMap<string, RelatedPage>> | null;

  /** How many relationships a relationship field holds for each parent, in key order (cursors ignored). */
  relatedCounts(query: RelatedQuery, parents: readonly string[]): Promise<number[]>;

  /** Relationships by id, in key order; null where none has that id. Reads every relationship table. */
  edgesByIds(ids: readonly string[]): Promise<(EdgeView | null)[]>;

  /** Funding summed per funder, funded node, funding kind or period; ordered by key. */
  fundingTotals(args: FundingTotalsArgs): Promise<FundingTotalRow[]>;

  /**
   * Funding given by each of these funders, or received by each of these nodes, in key order; null
   * where there is none.
   */
  fundingOf(
    side: 'funder' | 'target',
    ids: readonly string[],
    period: string | null,
  ): Promise<(FundingTotalRow | null)[]>;

  /**
   * Every funding line with its funder's and recipient's id, kind and name, its facts and its
   * evidence, ordered by the line's id: what the funding export writes, read in one statement.
   */
  fundingLines(): Promise<FundingLineRecord[]>;

  /** One page of the funding lines a filter keeps, cut in the store (keyset on the line id). */
  fundingLinePage(query: FundingLineQuery): Promise<FundingLinePage>;

  /** How many funding lines a filter keeps. */
  fundingLineCount(filter: FundingLineFilter): Promise<number>;

  /** The money of the funding lines a filter keeps, per currency, summed in the store. */
  fundingLineSums(filter: FundingLineFilter): Promise<FundingLineSum[]>;

  /** The funding lines that reach outcomes, as the query narrows them. */
  coFundingLines(query: CoFundingQuery): Promise<CoFundingLine[]>;

  /**
   * The same outcomes as coFundingLines, each with its funder count and funding summed in the store:
   * for a query that asks for the sums and not the lines (a hub's outcomes are reached by hundreds of
   * thousands of lines at 100k relationships).
   */
  coFundingSummary(query: Omit<CoFundingQuery, 'withEvidence'>): Promise<CoFundingSummary[]>;

  /** The funding lines that reach each of these outcomes, in key order. */
  coFundingLinesOfOutcomes(
    outcomes: readonly string[],
    period: string | null,
    withEvidence: boolean,
  ): Promise<CoFundingLine[][]>;

  /** For each organisation, in key order, the funding it shares with other funders. */
  coFundersOf(ids: readonly string[], period: string | null, withEvidence: boolean): Promise<CoFunderRow[][]>;

  /**
   * For each organisation, in key order, its co-funders with the shared funding summed in the store:
   * `sums` says which sides to sum (each is a statement of its own); a side not asked for is 0.
   * `projection` says how much of each co-funder to read (see Projection).
   */
  coFunderSums(
    ids: readonly string[],
    period: string | null,
    sums: { readonly own: boolean; readonly other: boolean; readonly projection: Projection },
  ): Promise<CoFunderSum[][]>;

  /**
   * The shortest paths between two nodes, at most `limit` distinct sequences of nodes, in a stable
   * order; none when they are not connected within maxHops.
   */
  shortestPaths(args: ShortestPathsArgs): Promise<PathRecord[]>;

  /** Every node's id, kind, name, aliases and degree: what the search index is built from. */
  searchEntries(): Promise<SearchEntry[]>;

  /** For each conflict group, in key order, the ids of the metrics in it. */
  metricsInGroups(groups: readonly string[]): Promise<string[][]>;

  /** For each report file name, in key order, the id of the Report node, or null. */
  reportsBySources(sources: readonly string[]): Promise<(string | null)[]>;

  /** One page of the ids of the nodes a report is evidence for, by name, with their name ranks. */
  citingPage(
    query: CitingQuery,
  ): Promise<{ readonly ids: { id: string; nameRank: number }[]; readonly more: boolean }>;

  /** How many nodes of these kinds a report is evidence for. */
  citingCount(source: string, kinds: readonly NodeKind[]): Promise<number>;

  /** Number of nodes of each kind, in key order (0 for a kind with none). */
  countsByKinds(kinds: readonly NodeKind[]): Promise<number[]>;

  /** Number of relationships of each kind, in key order (0 for a kind with none). */
  edgeCountsByKinds(kinds: readonly EdgeKind[]): Promise<number[]>;

  /** What the stored graph was loaded from, or null if nothing was ever loaded. */
  graphVersion(): Promise<GraphVersion | null>;
}

/** A reader for one request: on Neo4j every statement runs in one read transaction. */
export interface RequestReader extends GraphReader {
  /** What this reader has cost so far. */
  stats(): ReadStats;
  /** Ends the reader's transaction and frees its connection; further calls fail. */
  close(): Promise<void>;
}

/**
 * Everything the service needs from a graph store, and nothing engine-specific. Its own read methods
 * each run on their own; a request reads through `openReader()`.
 */
export interface GraphStore extends GraphReader {
  readonly engine: Engine;

  /**
   * A reader whose statements share one read transaction (Neo4j) bounded by `deadlineMs`;
   * `onStatement` hears of each statement it ran, failed ones too (the metrics time store calls).
   * Past `maxBytes` of rows read (approximately, see read-budget.ts) its reads fail with
   * RESPONSE_TOO_LARGE.
   */
  openReader(options?: {
    readonly deadlineMs?: number;
    readonly maxBytes?: number;
    readonly onStatement?: (name: string, ms: number, ok: boolean) => void;
  }): RequestReader;

  /**
   * Replaces the whole graph with `graph` (held in memory) and records `seedHash`: loadGraph over it.
   * Either all of it is written or, on any failure (or a crash), the store keeps what it had.
   */
  replaceGraph(graph: GraphData, seedHash: string): Promise<WriteSummary>;

  /**
   * Replaces the whole graph with the one `source` streams, derives what reads sort and filter by
   * (DERIVE_QUERIES), and records `seedHash`. All or nothing: on any failure, or a crash or kill at
   * any point, the store keeps the graph it had, and readers never see a half-loaded one. A large
   * graph goes the engine's bulk way (Kuzu: COPY into a new database, then a switch; Neo4j: batched
   * statements); `progress` hears about each phase. Throws a StoreError when the load fails.
   */
  loadGraph(source: GraphSource, seedHash: string, progress?: LoadProgress): Promise<WriteSummary>;

  /**
   * Another load running against this store, as a sentence naming it (a load now would be refused
   * with LOAD_IN_PROGRESS), or null. Read only: for a service waiting to load until it may.
   */
  loadInProgress(): Promise<string | null>;

  /**
   * What loads that were stopped left in the store, unseen by reads, as a sentence (it holds disk
   * until the next load clears it), or null: for the service to log at start.
   */
  leftByLoads(): Promise<string | null>;

  /** The whole graph, nodes and edges ordered by id: what the export writes. */
  readGraph(): Promise<GraphData>;

  /**
   * The ties of a network projection, in one statement: each relationship of `kinds` from an
   * organisation to a programme or project (of `period`, or of every period when null), with the
   * properties the projection weighs by and the two ends' names and categories; edges ordered by id.
   * What the network analysis reads instead of the whole graph.
   */
  readNetworkTies(kinds: readonly EdgeKind[], period: string | null): Promise<GraphView>;

  /** Resolves when the store answers a trivial query; throws StoreUnavailableError otherwise. */
  ping(): Promise<void>;

  /** Releases connections; further calls fail. */
  close(): Promise<void>;
}
