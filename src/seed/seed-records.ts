import {
  EDGE_MODEL,
  type EdgeKind,
  edgeProps,
  isFact,
  type NodeKind,
  nodeProps,
  type PropSpecs,
} from '../model/graph-model.js';
import { parsePeriod } from '../model/periods.js';
import type { EdgeRecord, Evidence, NodeRecord, PropValue } from '../model/records.js';
import type { SeedEdge, SeedEvidence, SeedNode } from './seed-schema.js';
import type { SeedFacts } from './seed-validator.js';

const NODE_BASE = new Set(['id', 'kind', 'name', 'aliases', 'evidence']);
const EDGE_BASE = new Set(['id', 'kind', 'from', 'to', 'evidence']);

// The properties a record of each kind carries, worked out once per kind: a load converts a million
// records, and the model builds each kind's property list anew on every call.
const nodeKeys = new Map<NodeKind, string[]>();
const edgeKeys = new Map<EdgeKind, string[]>();

// Only facts: sort keys and load-time aggregates are the store's, not the record's (isFact).
function ownKeys(all: PropSpecs, base: ReadonlySet<string>): string[] {
  return Object.entries(all)
    .filter(([key, spec]) => !base.has(key) && !key.startsWith('ev') && isFact(spec))
    .map(([key]) => key);
}

function nodeKeysOf(kind: NodeKind): string[] {
  let keys = nodeKeys.get(kind);
  if (!keys) {
    keys = ownKeys(nodeProps(kind), NODE_BASE);
    nodeKeys.set(kind, keys);
  }
  return keys;
}

function edgeKeysOf(kind: EdgeKind): string[] {
  let keys = edgeKeys.get(kind);
  if (!keys) {
    keys = ownKeys(edgeProps(kind), EDGE_BASE);
    edgeKeys.set(kind, keys);
  }
  return keys;
}

/**
 * A fact's period as the model keeps it: the one stated, else its report's (the report of its first
 * evidence; none when `facts` is null), with the months it spans. A fact no report dates, from a report with no period, stays
 * undated; validation refuses a period it cannot read, so parsing does not fail here.
 */
function datePeriod(
  properties: Record<string, PropValue>,
  evidence: readonly SeedEvidence[],
  facts: SeedFacts | null,
): void {
  const stated = typeof properties['period'] === 'string' ? properties['period'] : null;
  const ofReport = facts?.reportPeriodOf(evidence[0]?.source ?? '') ?? null;
  const period = stated ?? ofReport;
  const span = period === null ? null : parsePeriod(period);
  properties['period'] = span ? period : stated;
  properties['periodFrom'] = span?.from ?? null;
  properties['periodTo'] = span?.to ?? null;
  // A period written out that is the report's own says no more than the report: not a date.
  properties['periodBasis'] = !span ? null : stated !== null && stated !== ofReport ? 'stated' : 'report';
}

function toEvidence(evidence: readonly SeedEvidence[]): Evidence[] {
  return evidence.map((e) => ({
    source: e.source,
    lines: [e.lines[0], e.lines[1]] as const,
    section: e.section,
  }));
}

/**
 * The node a valid seed record becomes: every property of its kind (null where the record gives
 * none), the figure status its conflict group gives it, and the aliases and evidence supplements
 * add (aliases without repeats and without the name).
 */
export function toNodeRecord(record: SeedNode, facts: SeedFacts): NodeRecord {
  const properties: Record<string, PropValue> = {};
  for (const key of nodeKeysOf(record.kind)) properties[key] = (record[key] as PropValue | undefined) ?? null;
  if ('status' in properties) {
    properties['status'] = facts.figureStatus(record['conflictGroup']);
    properties['ordersApart'] = facts.ordersApart(record['conflictGroup']);
  }
  if ('periodBasis' in properties) datePeriod(properties, record.evidence, facts);
  const extra = facts.supplementOf(record.id);
  const aliases = [...new Set([...record.aliases, ...(extra?.aliases ?? [])])].filter(
    (a) => a !== record.name,
  );
  return {
    id: record.id,
    kind: record.kind,
    name: record.name,
    aliases,
    properties,
    evidence: toEvidence([...record.evidence, ...(extra?.evidence ?? [])]),
  };
}

/**
 * The relationship a valid seed record becomes, under `id` (its own or the derived one): every
 * property of its kind, and for funding the figure status and the line's role in a breakdown
 * (share when it is part of another line, total when others are part of it).
 */
export function toEdgeRecord(record: SeedEdge, id: string, facts: SeedFacts): EdgeRecord {
  const properties: Record<string, PropValue> = {};
  for (const key of edgeKeysOf(record.kind)) properties[key] = (record[key] as PropValue | undefined) ?? null;
  if (record.kind === 'FUNDS') {
    properties['status'] = facts.figureStatus(record['conflictGroup']);
    properties['ordersApart'] = facts.ordersApart(record['conflictGroup']);
    properties['lineRole'] =
      typeof record['breakdownOf'] === 'string' ? 'share' : facts.isBrokenDown(id) ? 'total' : null;
  }
  // A figure's link takes the figure's period: its report's would say nothing the figure does not.
  datePeriod(properties, record.evidence, EDGE_MODEL[record.kind].periodOfFigure ? null : facts);
  return {
    id,
    kind: record.kind,
    from: record.from,
    to: record.to,
    properties,
    evidence: toEvidence(record.evidence),
  };
}
