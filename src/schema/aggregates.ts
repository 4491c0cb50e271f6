import type { Context } from '../context.js';
import type { FundingTotalRow } from '../store/port.js';

/** Funding totals by funder or by funded node, as a map from node id (one currency, GBP, in practice). */
export async function fundingTotalsByNode(
  ctx: Context,
  groupBy: 'funder' | 'target',
  period?: string | null,
): Promise<Map<string, FundingTotalRow>> {
  const rows = await ctx.loaders.fundingTotals.load({ groupBy, period: period ?? null, fundingKind: null });
  return new Map(rows.map((r) => [r.key, r]));
}

/** For each organisation: the outcomes it co-funded (outcomes with at least two funders, one of them it). */
export async function coFundedOutcomesByFunder(ctx: Context): Promise<Map<string, Set<string>>> {
  const rows = await ctx.loaders.coFundingRows.load('all');
  const fundersOf = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = fundersOf.get(r.outcome) ?? new Set<string>();
    set.add(r.funding.from);
    fundersOf.set(r.outcome, set);
  }
  const outcomesOf = new Map<string, Set<string>>();
  for (const [outcome, funders] of fundersOf) {
    if (funders.size < 2) continue;
    for (const f of funders) {
      const set = outcomesOf.get(f) ?? new Set<string>();
      set.add(outcome);
      outcomesOf.set(f, set);
    }
  }
  return outcomesOf;
}
