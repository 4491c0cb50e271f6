import { AFTER_EVIDENCE, CHECK, type Problems } from './finding.js';
import type { SupplementInHand } from './in-hand.js';
import { mergedInto } from './node-ids.js';
import type { SeedIndex } from './seed-index.js';

/** Keeps a supplement's aliases and evidence for its node, and its target for supplementedNodes. */
export function collectSupplement({ record, at, seq }: SupplementInHand, seeds: SeedIndex): boolean {
  seeds.supplementTargets.push({ seq, at, id: record.id });
  const extra = seeds.supplements.get(record.id) ?? { aliases: [], evidence: [] };
  extra.aliases.push(...record.aliases);
  extra.evidence.push(...record.evidence);
  seeds.supplements.set(record.id, extra);
  return true;
}

/** Supplemented nodes: a supplement adds to a node defined elsewhere, so that node must exist. */
export function supplementedNodes(seeds: SeedIndex, problems: Problems): void {
  for (const { seq, at, id } of seeds.supplementTargets) {
    if (seeds.isNode(seeds.ids.get(id))) continue;
    problems.add({
      order: [CHECK.supplement, seq, AFTER_EVIDENCE],
      at,
      lineField: 'id',
      record: id,
      field: 'id',
      message: `supplements a node that does not exist: no node has the id ${id}${mergedInto(seeds, id)}`,
    });
  }
}
