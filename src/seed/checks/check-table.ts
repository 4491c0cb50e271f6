import { breakdowns } from './breakdowns.js';
import { citedReports, edgeCitations, nodeCitations, supplementCitations } from './citations.js';
import { conflictGroups, edgeFigure, nodeFigure } from './conflict-groups.js';
import type { Problems } from './finding.js';
import type { EdgeInHand, NodeInHand, RecordInHand, SupplementInHand } from './in-hand.js';
import { claimFormerIds, formerIds, uniqueNodeId } from './node-ids.js';
import { knownKind, noPersonalData, propertyTypes } from './record-form.js';
import { danglingReferences, endpointKinds, uniqueRelationshipId } from './relationships.js';
import type { SeedIndex } from './seed-index.js';
import { collectSupplement, supplementedNodes } from './supplements.js';

/**
 * A check of one record as it streams past: reports what it finds and keeps in the index what
 * checks across records will need. False when the record can go no further (the checks after it
 * are skipped, and it does not reach the sink).
 */
export interface RecordCheck<T> {
  readonly name: string;
  readonly check: (record: T, seeds: SeedIndex, problems: Problems) => boolean;
}

/** A check across records, run once every file has been read, over what the index kept. */
export interface SetCheck {
  readonly name: string;
  readonly check: (seeds: SeedIndex, problems: Problems) => void;
}

// The tables run in order. Problems are sorted by their place in the report (see CHECK), so the
// order here matters where a check uses what an earlier one kept, and, within one record, for
// which of its problems come first (FORM_CHECKS: personal data, then kind, then types).

/** Every record, whatever its list: the checks that turn a raw record into a parsed one. */
export const FORM_CHECKS: readonly RecordCheck<RecordInHand>[] = [
  { name: 'personal data', check: noPersonalData },
  { name: 'known kinds', check: knownKind },
  { name: 'property types', check: propertyTypes },
];

export const NODE_CHECKS: readonly RecordCheck<NodeInHand>[] = [
  { name: 'unique node ids', check: uniqueNodeId },
  { name: 'former ids (claims)', check: claimFormerIds },
  { name: 'cited reports', check: nodeCitations },
  { name: 'conflict groups (figures)', check: nodeFigure },
];

export const EDGE_CHECKS: readonly RecordCheck<EdgeInHand>[] = [
  { name: 'cited reports', check: edgeCitations },
  { name: 'conflict groups (figures)', check: edgeFigure },
  // Last: a duplicate's citations are still checked and its figure still counts in its group.
  { name: 'unique relationship ids', check: uniqueRelationshipId },
];

export const SUPPLEMENT_CHECKS: readonly RecordCheck<SupplementInHand>[] = [
  { name: 'cited reports', check: supplementCitations },
  { name: 'supplemented nodes (targets)', check: collectSupplement },
];

export const SET_CHECKS: readonly SetCheck[] = [
  { name: 'dangling references', check: danglingReferences },
  { name: 'endpoint kinds', check: endpointKinds },
  { name: 'supplemented nodes', check: supplementedNodes },
  { name: 'former ids', check: formerIds },
  // Sets each sound group's status, which the facts give the loader.
  { name: 'conflict groups', check: conflictGroups },
  // After both checks of ends: a line with a bad end is not checked as a share.
  { name: 'breakdowns', check: breakdowns },
  { name: 'cited reports', check: citedReports },
];

/** Runs `checks` on `record` in order; false as soon as one says the record can go no further. */
export function runChecks<T>(
  checks: readonly RecordCheck<T>[],
  record: T,
  seeds: SeedIndex,
  problems: Problems,
): boolean {
  for (const { check } of checks) if (!check(record, seeds, problems)) return false;
  return true;
}
