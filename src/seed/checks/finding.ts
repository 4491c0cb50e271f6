import type { SeedList } from '../read-seeds.js';

/** Where a record sits: its file (numbered in reading order), its list, and its index in that list. */
export interface RecordAt {
  readonly file: number;
  readonly list: SeedList;
  readonly index: number;
}

/**
 * Problems are reported in the order a whole-set check would find them: problems of form, then
 * record by record, then duplicate nodes, evidence of nodes, supplements, relationships, conflict
 * groups and breakdowns. Some are only known once every file has been read, so each carries its
 * place in that order: [check, record number within the check, step within the record].
 */
export const CHECK = {
  form: 1,
  record: 2,
  duplicateNode: 3,
  nodeEvidence: 4,
  supplement: 5,
  edge: 6,
  conflictGroup: 7,
  breakdown: 8,
} as const;

/** Steps after a record's evidence (whose steps are the evidence indexes). */
export const AFTER_EVIDENCE = 2 ** 31;

export type Order = readonly [number, number, number];

/** "file:line" of a record, or of one of its fields: for messages that point at another record. */
export type PlaceOf = (at: RecordAt, field?: string) => string;

/**
 * A problem of one record, found while checking. Its file and line (and perhaps its message) are
 * worked out once every file has been read: the file's text is gone by then, and is read again only
 * when one of its records has a problem.
 */
export interface Finding {
  readonly order: Order;
  readonly at: RecordAt;
  /** The field whose line the problem is reported at. */
  readonly lineField: string;
  readonly record: string;
  readonly field?: string;
  readonly message: string | ((placeOf: PlaceOf) => string);
}

/** Where checks put what they find. */
export interface Problems {
  add(finding: Finding): void;
}
