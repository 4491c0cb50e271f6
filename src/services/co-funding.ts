import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import { amountOrZero, sumFundingLines } from '../model/funding-lines.js';
import { nodeNumber } from '../model/properties.js';
import type { EdgeView, NodeView } from '../model/records.js';
import { selects } from '../request/selection.js';
import type { CoFundingLine } from '../store/port.js';

/**
 * Which partners co-funded which outcomes.
 *
 * Glossary: funding **reaches** an outcome when the programme or project it went to aims at the
 * outcome (or achieved it), or when it went to a programme one of whose projects does. The outcome's
 * **funders** are the organisations whose funding reaches it; it is **co-funded** when it has two
 * or more. The store finds the lines (cypher/generated/read/funding/, and the stored counts in
 * cypher/derive/); this module groups them per outcome and sums them as funding lines are summed.
 */

/** One funder of an outcome, with each of its funding lines that reach it, largest first. */
export interface OutcomeFunder {
  readonly organisation: string;
  readonly lines: readonly EdgeView[];
  readonly amount: number;
}

/**
 * An outcome with everything that funds it. Summed in the store (see coFundedOutcomes), `via`,
 * `contributors` and `funders` are left empty: the query selected none of them.
 */
export interface CoFundedOutcome {
  readonly outcome: string;
  readonly via: readonly string[];
  readonly contributors: readonly string[];
  readonly funders: readonly OutcomeFunder[];
  readonly funderCount: number;
  readonly low: number;
  readonly high: number;
  readonly conflicts: boolean;
}

/** Groups funding lines into one answer per outcome, funders largest first. */
export function groupCoFunding(lines: readonly CoFundingLine[]): CoFundedOutcome[] {
  const byOutcome = new Map<string, CoFundingLine[]>();
  for (const l of lines) byOutcome.set(l.outcome, [...(byOutcome.get(l.outcome) ?? []), l]);
  return [...byOutcome.entries()].map(([outcome, list]) => {
    // A funding line can reach an outcome twice (the programme and one of its projects both aim at it).
    const funding = [...new Map(list.map((l) => [l.funding.id, l.funding])).values()];
    const byFunder = new Map<string, EdgeView[]>();
    for (const line of funding) byFunder.set(line.from, [...(byFunder.get(line.from) ?? []), line]);
    const funders = [...byFunder.entries()]
      .map(([organisation, ls]) => ({
        organisation,
        lines: ls.sort((a, b) => amountOrZero(b) - amountOrZero(a) || (a.id < b.id ? -1 : 1)),
        amount: sumFundingLines(ls).low,
      }))
      .sort((a, b) => b.amount - a.amount || (a.organisation < b.organisation ? -1 : 1));
    const { low, high, conflicts } = sumFundingLines(funding);
    return {
      outcome,
      via: [...new Set(list.map((l) => l.via))].sort(),
      contributors: [...new Set(list.map((l) => l.contributor))].sort(),
      funders,
      funderCount: funders.length,
      low,
      high,
      conflicts,
    };
  });
}

export interface CoFundingArgs {
  readonly partner: NodeView | null;
  readonly outcome: NodeView | null;
  readonly via: NodeView | null;
  readonly period: string | null;
  readonly minFunders: number;
}

/** The co-funded outcomes the arguments ask for: most funders first, then most money, then by name. */
export async function coFundedOutcomes(
  ctx: Context,
  info: GraphQLResolveInfo,
  args: CoFundingArgs,
): Promise<CoFundedOutcome[]> {
  const query = {
    partner: args.partner?.id ?? null,
    outcome: args.outcome?.id ?? null,
    via: args.via?.id ?? null,
    period: args.period,
  };
  // A query that asks for no lines, funders or routes gets the sums from the store: the lines that
  // reach a hub's outcomes number hundreds of thousands at 100k relationships.
  const detailed = ['funders', 'via', 'contributors'].some((field) => selects(info, field));
  const grouped: CoFundedOutcome[] = detailed
    ? groupCoFunding(await ctx.reader.coFundingLines({ ...query, withEvidence: selects(info, 'evidence') }))
    : (await ctx.reader.coFundingSummary(query)).map((s) => ({
        outcome: s.outcome,
        via: [],
        contributors: [],
        funders: [],
        funderCount: s.funders,
        low: s.low,
        high: s.high,
        conflicts: s.conflicts,
      }));
  const outcomes = grouped.filter((c) => c.funderCount >= args.minFunders);
  const nodes = await ctx.loaders.nodeById.loadMany(outcomes.map((c) => c.outcome));
  const rank = new Map(
    nodes.flatMap((n) =>
      n && !(n instanceof Error) ? [[n.id, nodeNumber(n, 'nameRank') ?? 0] as const] : [],
    ),
  );
  return outcomes.sort(
    (a, b) =>
      b.funderCount - a.funderCount ||
      b.low - a.low ||
      (rank.get(a.outcome) ?? 0) - (rank.get(b.outcome) ?? 0),
  );
}

/** The funding that reaches one outcome, or null when none does. */
export async function fundingOfOutcome(
  ctx: Context,
  info: GraphQLResolveInfo,
  outcome: NodeView,
): Promise<CoFundedOutcome | null> {
  const lines = await ctx.loaders
    .coFundingOfOutcome({ period: null, withEvidence: selects(info, 'evidence') })
    .load(outcome.id);
  return groupCoFunding(lines)[0] ?? null;
}
