import { detach } from '../detach.js';
import { SEED_LISTS } from '../read-seeds.js';
import type { SeedEvidence } from '../seed-schema.js';
import { CHECK, type Problems, type RecordAt } from './finding.js';
import type { EdgeInHand, NodeInHand, SupplementInHand } from './in-hand.js';
import type { SeedIndex } from './seed-index.js';

// Cited reports: evidence must cite a report that some Report node has as its source, or nothing
// can show where a fact came from. Reports may come in a later file, so citations of reports not
// seen yet wait (as a few numbers each) until every file has been read.

/** Notes a Report node's source (its own evidence may cite it), then the node's citations. */
export function nodeCitations({ record, at, seq, label }: NodeInHand, seeds: SeedIndex): boolean {
  if (record.kind === 'Report') {
    const source = detach(String(record['source'] ?? ''));
    seeds.reportSources.add(source);
    if (typeof record['period'] === 'string') seeds.reportPeriods.set(source, detach(record['period']));
  }
  cite(seeds, record.evidence, at, label, CHECK.nodeEvidence, seq);
  return true;
}

/** Notes a relationship's citations of reports not seen yet. */
export function edgeCitations({ record, at, seq, id }: EdgeInHand, seeds: SeedIndex): boolean {
  cite(seeds, record.evidence, at, id, CHECK.edge, seq);
  return true;
}

/** Notes a supplement's citations of reports not seen yet. */
export function supplementCitations({ record, at, seq }: SupplementInHand, seeds: SeedIndex): boolean {
  cite(seeds, record.evidence, at, record.id, CHECK.supplement, seq);
  return true;
}

function cite(
  seeds: SeedIndex,
  evidence: readonly SeedEvidence[],
  at: RecordAt,
  label: string,
  check: number,
  seq: number,
): void {
  evidence.forEach((e, i) => {
    if (seeds.reportSources.has(e.source)) return;
    let source = seeds.sourceIds.get(e.source);
    if (source === undefined) {
      source = seeds.sourceNames.length;
      const own = detach(e.source);
      seeds.sourceIds.set(own, source);
      seeds.sourceNames.push(own);
    }
    seeds.pendingSource.push(source);
    seeds.pendingFile.push(at.file);
    seeds.pendingList.push(SEED_LISTS.indexOf(at.list));
    seeds.pendingIndex.push(at.index);
    seeds.pendingCheck.push(check);
    seeds.pendingSeq.push(seq);
    seeds.pendingEvidence.push(i);
    seeds.pendingLabel.push(label);
  });
}

/** The citations still waiting once every report is known: each names a report that is not there. */
export function citedReports(seeds: SeedIndex, problems: Problems): void {
  for (let i = 0; i < seeds.pendingSource.length; i++) {
    const source = seeds.sourceNames[seeds.pendingSource.get(i)] ?? '';
    if (seeds.reportSources.has(source)) continue;
    const evidence = seeds.pendingEvidence.get(i);
    problems.add({
      order: [seeds.pendingCheck.get(i), seeds.pendingSeq.get(i), evidence],
      at: {
        file: seeds.pendingFile.get(i),
        list: SEED_LISTS[seeds.pendingList.get(i)] ?? 'nodes',
        index: seeds.pendingIndex.get(i),
      },
      lineField: 'evidence',
      record: seeds.pendingLabel[i] ?? '',
      field: `evidence.${evidence}.source`,
      message: `cites ${source}, which no Report node has as its source`,
    });
  }
}
