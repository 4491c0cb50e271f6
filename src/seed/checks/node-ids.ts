import { detach } from '../detach.js';
import { CHECK, type Problems, type RecordAt } from './finding.js';
import type { NodeInHand } from './in-hand.js';
import type { SeedIndex } from './seed-index.js';

/** Unique node ids: an id names one node, or a lookup and every relationship to it are ambiguous. */
export function uniqueNodeId(
  { record, at, seq, n }: NodeInHand,
  seeds: SeedIndex,
  problems: Problems,
): boolean {
  if (!seeds.isNode(n)) {
    seeds.markNode(n, record.kind, at);
    seeds.nodeCount++;
    return true;
  }
  const first: RecordAt = {
    file: seeds.idFirstFile[n] ?? 0,
    list: 'nodes',
    index: seeds.idFirstIndex[n] ?? 0,
  };
  problems.add({
    order: [CHECK.duplicateNode, seq, 0],
    at,
    lineField: 'id',
    record: record.id,
    field: 'id',
    message: (placeOf) => `duplicate id: already used at ${placeOf(first, 'id')}`,
  });
  // The duplicate still goes on: its other problems are worth reporting in the same run.
  return true;
}

/** Notes the former ids a node claims, for formerIds once every id is known. */
export function claimFormerIds({ record, at, seq, label }: NodeInHand, seeds: SeedIndex): boolean {
  const formerIds = record['formerIds'];
  if (!Array.isArray(formerIds)) return true;
  for (const former of formerIds as string[]) {
    const claim = { id: detach(former), owner: label, at, seq };
    seeds.formerClaims.push(claim);
    if (!seeds.formerOwners.has(claim.id)) seeds.formerOwners.set(claim.id, claim);
  }
  return true;
}

/**
 * Former ids: a former id names one merged record, so it may not be a node's id as well (which
 * would a lookup mean?), nor be claimed by two nodes.
 */
export function formerIds(seeds: SeedIndex, problems: Problems): void {
  for (const claim of seeds.formerClaims) {
    const first = seeds.formerOwners.get(claim.id);
    let message: string | null = null;
    if (seeds.isNode(seeds.ids.get(claim.id))) {
      message = `former id ${claim.id} is the id of a node: a merged record's id goes when it is merged`;
    } else if (first && first !== claim) {
      message = `former id ${claim.id} is claimed by ${first.owner} too: a merged record has one successor`;
    }
    if (message === null) continue;
    problems.add({
      order: [CHECK.duplicateNode, claim.seq, 1],
      at: claim.at,
      lineField: 'formerIds',
      record: claim.owner,
      field: 'formerIds',
      message,
    });
  }
}

/** For a reference to a merged record: which node took its id, so the message says what to write. */
export function mergedInto(seeds: SeedIndex, id: string | undefined): string {
  const claim = id === undefined ? undefined : seeds.formerOwners.get(id);
  return claim ? ` (it was merged into ${claim.owner}: refer to that)` : '';
}
