import type { EdgeRecord } from './records.js';

/**
 * What one funding line is, for every sum in the service (totals, co-funding, co-funders, the
 * funding-weighted network): figures that share a conflict group are one line reported more than
 * once; a line the report also breaks down into shares (lineRole total) carries no money of its own,
 * its shares do. The store's fundingLines query applies the same two rules.
 */

/** The amount of a FUNDS relationship (0 for any other). */
export function amountOf(edge: EdgeRecord): number {
  const value = edge.properties['amount'];
  return typeof value === 'number' ? value : 0;
}

/** The line a figure belongs to: its conflict group, or itself. */
export function fundingLineKey(edge: EdgeRecord): string {
  const group = edge.properties['conflictGroup'];
  return typeof group === 'string' ? `group:${group}` : `edge:${edge.id}`;
}

/** False for a line broken down into shares elsewhere: summing it too would count its money twice. */
export function countsInSums(edge: EdgeRecord): boolean {
  return edge.properties['lineRole'] !== 'total';
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
export function sumFundingLines(edges: readonly EdgeRecord[]): FundingSum {
  const lines = new Map<string, number[]>();
  for (const edge of edges) {
    if (!countsInSums(edge)) continue;
    const key = fundingLineKey(edge);
    lines.set(key, [...(lines.get(key) ?? []), amountOf(edge)]);
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
