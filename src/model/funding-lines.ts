import { edgeNumber, edgeString } from './properties.js';
import type { EdgeView } from './records.js';

/**
 * What a funding line is, for every sum of money in the service.
 *
 * The glossary of graph-model.ts, here in full.
 * A **funding line** is money one organisation gives to one programme, project or organisation, as
 * a report states it (a FUNDS relationship). A **conflict group** joins the figures two places give
 * for the same line: they are one line, counted once, at its lowest figure (`low`) and at its
 * highest (`high`). A line the report also breaks down into **shares** (by funder or by
 * sub-programme) is a **total** (lineRole total): its money is its shares', so sums leave the total
 * out. A **joint** sum, given by several funders together with no split stated, is one FUNDS
 * relationship per funder sharing a `jointGroup`: one line, counted once, under each funder when
 * sums go by funder. A line with no amount (the report names the funding, no figure) adds nothing.
 *
 * The store sums with the same two rules in Cypher (cypher/funding/ for totals asked at request
 * time, cypher/derive/ for the totals stored at load); this module sums lines a read has already
 * returned (co-funding, co-funders, the funding-weighted network). tests/store/funding-rules.test.ts
 * checks that the two agree on the HLP graph.
 */

/** The amount of a FUNDS relationship, 0 when it has none (a line with no figure, another kind). */
export function amountOrZero(edge: EdgeView): number {
  return edgeNumber(edge, 'amount') ?? 0;
}

/** The amount of a FUNDS relationship with its currency, or null for any other kind. */
export function fundingAmountOf(edge: EdgeView): { value: number; currency: string } | null {
  const value = edgeNumber(edge, 'amount');
  return value === null ? null : { value, currency: edgeString(edge, 'currency') ?? 'GBP' };
}

/** The line a figure belongs to: its conflict group, its joint group, or itself. */
export function fundingLineKey(edge: EdgeView): string {
  const group = edgeString(edge, 'conflictGroup') ?? edgeString(edge, 'jointGroup');
  return group === null ? `edge:${edge.id}` : `group:${group}`;
}

/** False for a line broken down into shares elsewhere: summing it too would count its money twice. */
export function countsInSums(edge: EdgeView): boolean {
  return edgeString(edge, 'lineRole') !== 'total';
}

export interface FundingSum {
  /** Each line at its lowest reported amount. */
  readonly low: number;
  /** Each line at its highest reported amount. */
  readonly high: number;
  /** How many lines (a conflict group is one). */
  readonly lines: number;
  /** Whether some line was reported with different amounts. */
  readonly conflicts: boolean;
}

/** Sums funding relationships as lines: once per conflict group, totals left to their shares. */
export function sumFundingLines(edges: readonly EdgeView[]): FundingSum {
  const lines = new Map<string, number[]>();
  for (const edge of edges) {
    if (!countsInSums(edge)) continue;
    const key = fundingLineKey(edge);
    lines.set(key, [...(lines.get(key) ?? []), amountOrZero(edge)]);
  }
  let low = 0;
  let high = 0;
  let conflicts = false;
  for (const amounts of lines.values()) {
    low += Math.min(...amounts);
    high += Math.max(...amounts);
    if (new Set(amounts).size > 1) conflicts = true;
  }
  return { low, high, lines: lines.size, conflicts };
}
