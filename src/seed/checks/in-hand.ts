import type { RawRecord } from '../read-seeds.js';
import type { SeedEdge, SeedNode, SeedSupplement } from '../seed-schema.js';
import type { RecordAt } from './finding.js';

/** A record that read as what its list says it is. */
export type ParsedRecord =
  | { readonly list: 'nodes'; readonly record: SeedNode }
  | { readonly list: 'edges'; readonly record: SeedEdge }
  | { readonly list: 'supplements'; readonly record: SeedSupplement };

/** One record as read, while the checks of its form run. */
export interface RecordInHand {
  readonly raw: RawRecord;
  readonly at: RecordAt;
  /** The record's id, or its place in its list when it has none: what messages call it. */
  readonly label: string;
  /** Set by the check of property types when the record reads as its kind. */
  parsed?: ParsedRecord;
  /** Reports a problem of this record on its own, at the line of `lineField`, in the order found. */
  readonly problem: (lineField: string, field: string | undefined, message: string) => void;
}

/** A node record that read, with its number among nodes and its interned id. */
export interface NodeInHand {
  readonly record: SeedNode;
  readonly at: RecordAt;
  readonly seq: number;
  /** The id's number in the seed index. */
  readonly n: number;
  /** The id as the index keeps it (a copy that does not hold the file's text). */
  readonly label: string;
}

/** A relationship record that read, with its number among relationships and its id (given or derived). */
export interface EdgeInHand {
  readonly record: SeedEdge;
  readonly at: RecordAt;
  readonly seq: number;
  readonly id: string;
}

/** A supplement record that read, with its number among supplements. */
export interface SupplementInHand {
  readonly record: SeedSupplement;
  readonly at: RecordAt;
  readonly seq: number;
}
