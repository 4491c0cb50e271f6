import { EDGE_KINDS } from '../../model/graph-model.js';
import { CHECK, type Problems } from './finding.js';
import type { SeedIndex } from './seed-index.js';

/**
 * Breakdowns: a share names the funding line it is part of, so sums count the money once. That
 * line must be another FUNDS line, not itself a share. Lines whose ends are wrong are skipped (their
 * problem is reported already). Notes each line found broken down, which makes it a total.
 */
export function breakdowns(seeds: SeedIndex, problems: Problems): void {
  for (const [e, parent] of [...seeds.shares].sort(([a], [b]) => a - b)) {
    if (seeds.badEnds.has(e)) continue;
    const id = seeds.edgeIdList[e] ?? '';
    const problem = (message: string) =>
      problems.add({
        order: [CHECK.breakdown, e, 0],
        at: seeds.edgeAt(e),
        lineField: 'breakdownOf',
        record: id,
        field: 'breakdownOf',
        message,
      });
    const target = seeds.edgeIds.get(parent);
    const targetShareOf = target === undefined ? undefined : seeds.shares.get(target);
    if (target === undefined || EDGE_KINDS[seeds.edgeKind.get(target)] !== 'FUNDS' || parent === id) {
      problem(`expected the id of another FUNDS relationship, got ${parent}`);
    } else if (targetShareOf !== undefined) {
      // A share of a share would make its parent both a total and a share: its money counted twice.
      problem(`${parent} is itself a share of ${targetShareOf}: point at the line it is a share of`);
    } else seeds.brokenDown.add(parent);
  }
}
