import { money } from './types.js';

export interface Line {
  /** What identifies the line in every system (relationship id and what it funds). */
  readonly key: string;
  readonly amount: unknown;
}

/**
 * Facts of a page of funding lines ordered by amount (largest first) and cut at `limit`: which lines
 * fall on the page is only defined up to ties at the cut, so the facts are the amounts on the page
 * (a multiset), every line above the cut amount, and the total.
 */
export function fundingPageFacts(lines: readonly Line[], total: number, limit: number) {
  const amounts = lines.map((l) => money(l.amount)).sort();
  const full = total <= limit;
  const cut = full ? null : Math.min(...lines.map((l) => Number(l.amount)));
  return {
    total,
    amounts,
    lines: lines
      .filter((l) => cut === null || Number(l.amount) > cut)
      .map((l) => `${l.key} ${money(l.amount)}`)
      .sort(),
  };
}
