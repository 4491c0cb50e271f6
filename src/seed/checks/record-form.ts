import type { z } from 'zod';
import { isEdgeKind, isNodeKind, type NodeKind } from '../../model/graph-model.js';
import { findPersonalData } from '../../model/personal-data.js';
import {
  edgeSchemaFor,
  nodeSchemaFor,
  type SeedEdge,
  type SeedSupplement,
  supplementSchema,
} from '../seed-schema.js';
import type { RecordInHand } from './in-hand.js';
import type { SeedIndex } from './seed-index.js';

// Checks of one record on its own. Each returns false when the record cannot be read any further.

function describeValue(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? 'nothing' : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Personal data: the reports name people's contact details, and none may reach the store. */
export function noPersonalData({ raw, problem }: RecordInHand): boolean {
  for (const hit of findPersonalData(raw.value)) {
    problem(
      hit.path.split('.')[0] ?? '',
      hit.path,
      `looks like ${hit.kind}: personal data must never be stored`,
    );
  }
  return true;
}

/** Known kinds: a node or relationship of a kind the model lacks has no shape to check against. */
export function knownKind({ raw, problem }: RecordInHand): boolean {
  if (raw.list === 'supplements') return true;
  const kind = (raw.value as { kind?: unknown } | null)?.kind;
  const isNode = raw.list === 'nodes';
  if (typeof kind === 'string' && (isNode ? isNodeKind(kind) : isEdgeKind(kind))) return true;
  problem('kind', 'kind', `expected a ${isNode ? 'node' : 'relationship'} kind, got ${describeValue(kind)}`);
  return false;
}

/**
 * Property types: the record has the fields its kind requires, of the right types (periods among
 * them), and no others, so a typo cannot silently drop a fact. Sets `parsed` when it does.
 */
export function propertyTypes(record: RecordInHand, seeds: SeedIndex): boolean {
  const { raw } = record;
  const kind = (raw.value as { kind?: unknown } | null)?.kind;
  if (raw.list === 'supplements') {
    const parsed = supplementSchema.safeParse(raw.value);
    if (!parsed.success) return typeProblems(record, parsed.error);
    // Kept whole until the end (supplements are few): copied, so as not to keep the file's text.
    record.parsed = {
      list: 'supplements',
      record: JSON.parse(JSON.stringify(parsed.data)) as SeedSupplement,
    };
    return true;
  }
  if (raw.list === 'edges') {
    const parsed = edgeSchemaFor(kind as SeedEdge['kind']).safeParse(raw.value);
    if (!parsed.success) return typeProblems(record, parsed.error);
    record.parsed = { list: 'edges', record: parsed.data };
    return true;
  }
  const parsed = nodeSchemaFor(kind as NodeKind).safeParse(raw.value);
  if (parsed.success) {
    record.parsed = { list: 'nodes', record: parsed.data };
    return true;
  }
  typeProblems(record, parsed.error);
  // The node exists, wrongly written: relationships to it are not dangling. Without this one
  // mistyped field was reported behind a hundred "no node has the id" problems it caused.
  const id = (raw.value as { id?: unknown } | null)?.id;
  if (typeof id === 'string') {
    const n = seeds.intern(id);
    if (!seeds.isNode(n)) seeds.markNode(n, kind as NodeKind, record.at);
  }
  return false;
}

/** One problem per zod issue, at the line of the top-level field it is in; always false. */
function typeProblems({ raw, problem }: RecordInHand, error: z.ZodError): false {
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
    let got = raw.value as unknown;
    for (const key of issue.path)
      got = (got as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey];
    const message =
      issue.code === 'unrecognized_keys'
        ? `unknown field(s) ${issue.keys.join(', ')}`
        : `${issue.message}${issue.path.length > 0 ? `, got ${describeValue(got)}` : ''}`;
    problem(String(issue.path[0] ?? ''), field, message);
  }
  return false;
}
