import { EDGE_KINDS, EDGE_MODEL } from '../../model/graph-model.js';
import { detach } from '../detach.js';
import { AFTER_EVIDENCE, CHECK, type Problems } from './finding.js';
import type { EdgeInHand } from './in-hand.js';
import { mergedInto } from './node-ids.js';
import type { SeedIndex } from './seed-index.js';

/**
 * Unique relationship ids: a second record with an id (often a derived one: the same kind, ends,
 * period and funding kind) is a fact given twice. The first is kept, as a few numbers, for the
 * checks of its ends and breakdown; a duplicate goes no further.
 */
export function uniqueRelationshipId(
  { record, at, seq, id }: EdgeInHand,
  seeds: SeedIndex,
  problems: Problems,
): boolean {
  const first = seeds.edgeIds.get(id);
  if (first !== undefined) {
    const firstAt = seeds.edgeAt(first);
    const hint = record.id ? '' : ' (give one of them an explicit id)';
    problems.add({
      order: [CHECK.edge, seq, AFTER_EVIDENCE],
      at,
      lineField: 'kind',
      record: id,
      field: 'id',
      message: (placeOf) => `duplicate relationship id: already used at ${placeOf(firstAt)}${hint}`,
    });
    return false;
  }
  const e = seeds.edgeIdList.length;
  seeds.edgeIds.set(id, e);
  seeds.edgeIdList.push(id);
  seeds.edgeFile.push(at.file);
  seeds.edgeIndex.push(at.index);
  seeds.edgeSeqOf.push(seq);
  seeds.edgeFrom.push(seeds.intern(record.from));
  seeds.edgeTo.push(seeds.intern(record.to));
  seeds.edgeKind.push(EDGE_KINDS.indexOf(record.kind));
  const parent = record['breakdownOf'];
  if (typeof parent === 'string') seeds.shares.set(e, detach(parent));
  return true;
}

/** Dangling references: a relationship whose end names no node would be dropped or point at nothing. */
export function danglingReferences(seeds: SeedIndex, problems: Problems): void {
  for (let e = 0; e < seeds.edgeIdList.length; e++) {
    const ends = [
      ['from', seeds.edgeFrom.get(e)],
      ['to', seeds.edgeTo.get(e)],
    ] as const;
    ends.forEach(([field, n], i) => {
      if (seeds.kindAt(n)) return;
      seeds.badEnds.add(e);
      const id = seeds.idNames[n];
      problems.add({
        order: [CHECK.edge, seeds.edgeSeqOf.get(e), AFTER_EVIDENCE + 1 + i],
        at: seeds.edgeAt(e),
        lineField: field,
        record: seeds.edgeIdList[e] ?? '',
        field,
        message: `no node has the id ${id}${mergedInto(seeds, id)}`,
      });
    });
  }
}

/** Endpoint kinds: each relationship kind joins only the kinds of node the model allows it to. */
export function endpointKinds(seeds: SeedIndex, problems: Problems): void {
  for (let e = 0; e < seeds.edgeIdList.length; e++) {
    const from = seeds.kindAt(seeds.edgeFrom.get(e));
    const to = seeds.kindAt(seeds.edgeTo.get(e));
    const kind = EDGE_KINDS[seeds.edgeKind.get(e)] ?? 'FUNDS';
    if (!from || !to || EDGE_MODEL[kind].pairs.some(([f, t]) => f === from && t === to)) continue;
    seeds.badEnds.add(e);
    const allowed = EDGE_MODEL[kind].pairs.map(([f, t]) => `${f}->${t}`).join(', ');
    problems.add({
      order: [CHECK.edge, seeds.edgeSeqOf.get(e), AFTER_EVIDENCE + 3],
      at: seeds.edgeAt(e),
      lineField: 'kind',
      record: seeds.edgeIdList[e] ?? '',
      field: 'kind',
      message: `${kind} cannot join a ${from} to a ${to} (allowed: ${allowed})`,
    });
  }
}
