import { createHash } from 'node:crypto';
import type { EdgeKind, NodeKind } from '../model/graph-model.js';
import type { Random } from './random.js';

/** A piece of evidence as a seed file writes it. */
export interface EvidenceOut {
  readonly source: string;
  readonly lines: readonly [number, number];
  readonly section: string;
}

export type FieldValue = string | number | readonly string[];

/**
 * One seed record, its fields in the order they are written (evidence last). A field left
 * undefined is not written, so builders can say "this field, when it applies" inline.
 */
export interface SeedRecordOut {
  readonly kind: NodeKind | EdgeKind;
  readonly evidence: readonly EvidenceOut[];
  readonly [field: string]: FieldValue | readonly EvidenceOut[] | undefined;
}

/**
 * The one synthetic report that every record cites. Its file name has the shape of the real ones
 * (three digits, an underscore, hex) so validation accepts it; 900 keeps it apart from 000 to 004,
 * and the hex comes from the seed and size, so two generated graphs never cite the same file.
 */
export function syntheticSource(seed: number, relationships: number): string {
  const hex = createHash('sha256').update(`hlp-graph generate ${seed} ${relationships}`).digest('hex');
  return `900_${hex.slice(0, 16)}.txt`;
}

/** The section headings evidence is made up from, by what the record is about. */
export const SECTIONS = {
  funding: [
    'Funding and Impact Summary',
    'Programme finances',
    'Funding by partner',
    'Budget 2019/20',
    'Where the money came from',
    'Annex: funding lines',
    'Financial summary',
  ],
  work: [
    'Programme updates',
    'Deliverables',
    'Highlights of the year',
    'Our programmes',
    'Partners and delivery',
    'Non Financial Impacts',
    'Looking ahead',
    'Case studies',
  ],
  people: ['Governance', 'Programme leads', 'Board members', 'Contacts and roles', 'Foreword'],
  figures: ['Key figures', 'Impact in numbers', 'Estimated Financial Impact', 'Outcomes and measures'],
} as const;

/** The synthetic report is this long: evidence cites lines within it. */
const REPORT_LINES = 20_000;

/** Makes up evidence in the synthetic report: a short line range under one of the given sections. */
export function evidenceIn(source: string, sections: readonly string[], random: Random): EvidenceOut {
  const first = 1 + random.int(REPORT_LINES);
  return { source, lines: [first, first + random.int(4)], section: random.pick(sections) };
}
