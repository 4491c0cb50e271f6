import type { EdgeKind, NodeKind } from '../model/graph-model.js';
import type { Random } from './random.js';

/**
 * The shape of a synthetic graph, as issue 11 describes a realistic one: per million relationships
 * about 190,000 nodes, funding a little over half of the relationships, funders funding a handful of
 * things each and a few hubs funding around 150, popular programmes drawing many funders.
 */

/** Nodes of each kind per relationship (plus the one Report). They add up to 0.19. */
export const NODES_PER_RELATIONSHIP = {
  Organisation: 0.097,
  Programme: 0.008,
  Project: 0.028,
  Outcome: 0.005,
  Metric: 0.026,
  Person: 0.026,
} as const satisfies Partial<Record<NodeKind, number>>;

/** The node kinds the generator writes many of; the Report is written once. */
export type ShapedNodeKind = keyof typeof NODES_PER_RELATIONSHIP;

/**
 * Each relationship kind's share of the relationships, in the order they are written. PARTNERS_WITH
 * comes last and takes whatever the others left, so the total is the one asked for.
 */
export const RELATIONSHIP_SHARES = {
  FUNDS: 0.55,
  PART_OF: 0.03,
  AIMS_AT: 0.075,
  LEADS: 0.055,
  DELIVERS: 0.08,
  WORKS_FOR: 0.03,
  MEASURES: 0.03,
  PARTNERS_WITH: 0.15,
} as const satisfies Partial<Record<EdgeKind, number>>;

export type GeneratedEdgeKind = keyof typeof RELATIONSHIP_SHARES;

export const FUNDING = {
  /** A funder funds 1 + a geometric count with this mean of things. */
  meanExtraLines: 5,
  /** About one funder in this many is a hub. */
  hubEvery: 1500,
  /** A hub funds between these many things (but never more than a tenth of all funding lines). */
  hubLines: [100, 200] as const,
  /** Share of funding lines reported twice, the two records sharing a conflictGroup. */
  conflictShare: 0.01,
  /** Of those, the share whose second report gives the same amount (corroborated, not conflicting). */
  corroboratedShare: 0.4,
  /** Share of funding lines to a programme that the report also splits over the programme's projects. */
  breakdownShare: 0.003,
  /** A breakdown has between these many shares. */
  breakdownShares: [2, 4] as const,
  /** What a funding line goes to: programmes and projects with Zipf-like popularity, organisations evenly. */
  targetMix: [
    ['Programme', 0.45],
    ['Project', 0.4],
    ['Organisation', 0.15],
  ] as const,
  programmeExponent: 0.8,
  projectExponent: 0.6,
} as const;

/** The reporting periods of the five real reports, so period filters find several. */
export const PERIODS = ['2015/16', '2016/17', '2017/18', '2018/19', '2019/20'] as const;

/** A seed file holds at most this many records, so a reader can take the graph file by file. */
export const MAX_RECORDS_PER_FILE = 20_000;

/** The largest graph `generate` accepts (about 3 GB of YAML). */
export const MAX_RELATIONSHIPS = 10_000_000;

export interface GraphPlan {
  readonly relationships: number;
  readonly nodes: Readonly<Record<ShapedNodeKind, number>>;
  /** Relationships of each kind to write; PARTNERS_WITH's is what the others leave. */
  readonly budgets: Readonly<Record<GeneratedEdgeKind, number>>;
  /**
   * Planned funding lines of each funder (the first organisations, in order). The lines of the last
   * funders may go unwritten when conflicts and breakdowns used up the funding budget first; when
   * they used less, organisations after the planned funders fund the rest.
   */
  readonly funderLines: Int32Array;
  /** Indexes (into funderLines) of the hubs. */
  readonly hubs: readonly number[];
}

/**
 * Records a funding line becomes on average: a conflict adds one, a breakdown (only of a line to a
 * programme) adds its shares.
 */
function recordsPerLine(): number {
  const [low, high] = FUNDING.breakdownShares;
  const toProgramme = FUNDING.targetMix[0][1];
  return 1 + FUNDING.conflictShare + FUNDING.breakdownShare * toProgramme * ((low + high) / 2);
}

/**
 * Plans a graph of `relationships` relationships: how many nodes of each kind, how many
 * relationships of each kind, and how many things each funder funds. The same random stream gives
 * the same plan.
 */
export function planGraph(relationships: number, random: Random): GraphPlan {
  const budgets = {} as Record<GeneratedEdgeKind, number>;
  let planned = 0;
  for (const [kind, share] of Object.entries(RELATIONSHIP_SHARES) as [GeneratedEdgeKind, number][]) {
    budgets[kind] = kind === 'PARTNERS_WITH' ? relationships - planned : Math.floor(relationships * share);
    planned += budgets[kind];
  }

  // Funders first, because they fix the least number of organisations.
  const lineBudget = Math.round(budgets.FUNDS / recordsPerLine());
  const hubCap = Math.max(2, Math.floor(lineBudget / 10));
  const lines: number[] = [];
  const hubs: number[] = [];
  // The first hub comes early so that even a small graph has one.
  let nextHub = random.int(10);
  for (let total = 0; total < lineBudget; ) {
    let count: number;
    if (lines.length === nextHub) {
      hubs.push(lines.length);
      count = Math.min(random.between(...FUNDING.hubLines), hubCap);
      nextHub += Math.round(FUNDING.hubEvery * (0.5 + random.next()));
    } else count = 1 + random.geometric(FUNDING.meanExtraLines);
    count = Math.min(count, lineBudget - total);
    lines.push(count);
    total += count;
  }

  const nodes = {} as Record<ShapedNodeKind, number>;
  for (const [kind, ratio] of Object.entries(NODES_PER_RELATIONSHIP) as [ShapedNodeKind, number][])
    nodes[kind] = Math.max(1, Math.round(relationships * ratio));
  // Every funder is an organisation, and a few organisations fund nothing (they deliver, partner).
  nodes.Organisation = Math.max(nodes.Organisation, Math.ceil(lines.length * 1.03) + 1, 2);
  return { relationships, nodes, budgets, funderLines: Int32Array.from(lines), hubs };
}
