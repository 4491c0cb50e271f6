import { z } from 'zod';
import { RowShapeError } from '../store/errors.js';
import {
  COMMON_NODE_PROPS,
  type EdgeKind,
  edgeProps,
  isEdgeKind,
  isNodeKind,
  type NodeKind,
  nodeProps,
  type PropSpecs,
  type PropType,
} from './graph-model.js';

/** Where a fact comes from: a report file, a 1-based inclusive line range, and a section or table. */
export interface Evidence {
  readonly source: string;
  readonly lines: readonly [number, number];
  readonly section: string;
}

export type Scalar = string | number;
export type PropValue = Scalar | readonly Scalar[] | null;

/** A node as the rest of the code sees it, whichever engine it came from. Also the export shape. */
export interface NodeRecord {
  readonly id: string;
  readonly kind: NodeKind;
  readonly name: string;
  readonly aliases: readonly string[];
  /** The kind's own properties (not id, kind, name, aliases or evidence); null when not known. */
  readonly properties: Readonly<Record<string, PropValue>>;
  readonly evidence: readonly Evidence[];
}

/** A relationship as the rest of the code sees it. Also the export shape. */
export interface EdgeRecord {
  readonly id: string;
  readonly kind: EdgeKind;
  readonly from: string;
  readonly to: string;
  /** role, period and the kind's own properties; null when not known. */
  readonly properties: Readonly<Record<string, PropValue>>;
  readonly evidence: readonly Evidence[];
}

export interface GraphData {
  readonly nodes: readonly NodeRecord[];
  readonly edges: readonly EdgeRecord[];
}

/** A flat property map as both engines store it: evidence as parallel lists, nothing nested. */
export type StoreRow = Record<string, PropValue>;

const EVIDENCE_KEYS = ['evSource', 'evLineStart', 'evLineEnd', 'evSection'] as const;
const NODE_BASE_KEYS = new Set<string>(Object.keys(COMMON_NODE_PROPS));
const EDGE_BASE_KEYS = new Set<string>(['id', 'kind', ...EVIDENCE_KEYS]);

function flattenEvidence(evidence: readonly Evidence[]): StoreRow {
  return {
    evSource: evidence.map((e) => e.source),
    evLineStart: evidence.map((e) => e.lines[0]),
    evLineEnd: evidence.map((e) => e.lines[1]),
    evSection: evidence.map((e) => e.section),
  };
}

/** Every declared property of a kind, set from the record or null, so each write binds all of them. */
function fillProps(
  specs: PropSpecs,
  values: Readonly<Record<string, PropValue>>,
  skip: Set<string>,
): StoreRow {
  const row: StoreRow = {};
  for (const key of Object.keys(specs)) {
    if (!skip.has(key)) row[key] = values[key] ?? null;
  }
  return row;
}

/** The row a node is stored as. */
export function nodeToRow(node: NodeRecord): StoreRow {
  return {
    id: node.id,
    kind: node.kind,
    name: node.name,
    aliases: [...node.aliases],
    ...flattenEvidence(node.evidence),
    ...fillProps(nodeProps(node.kind), node.properties, NODE_BASE_KEYS),
  };
}

/** The row a relationship is stored as (its endpoints are matched separately). */
export function edgeToRow(edge: EdgeRecord): StoreRow {
  return {
    id: edge.id,
    kind: edge.kind,
    ...flattenEvidence(edge.evidence),
    ...fillProps(edgeProps(edge.kind), edge.properties, EDGE_BASE_KEYS),
  };
}

function zodFor(type: PropType): z.ZodType<PropValue> {
  // Engines hand back null (Kuzu) or nothing (Neo4j) for an unset property, and Kuzu stores an
  // empty list as null: normalise both so the two engines give identical records.
  switch (type) {
    case 'string':
      return z
        .string()
        .nullish()
        .transform((v) => v ?? null);
    case 'int':
      return z
        .number()
        .int()
        .nullish()
        .transform((v) => v ?? null);
    case 'float':
      return z
        .number()
        .nullish()
        .transform((v) => v ?? null);
    case 'string[]':
      return z
        .array(z.string())
        .nullish()
        .transform((v) => v ?? []);
    case 'int[]':
      return z
        .array(z.number().int())
        .nullish()
        .transform((v) => v ?? []);
  }
}

function rowSchema(specs: PropSpecs): z.ZodType<Record<string, PropValue>> {
  const shape: Record<string, z.ZodType<PropValue>> = {};
  for (const [key, spec] of Object.entries(specs)) shape[key] = zodFor(spec.type);
  // Unknown keys are dropped: a store may carry engine bookkeeping, the model says what counts.
  return z.object(shape) as unknown as z.ZodType<Record<string, PropValue>>;
}

const nodeSchemas = new Map<NodeKind, z.ZodType<Record<string, PropValue>>>();
const edgeSchemas = new Map<EdgeKind, z.ZodType<Record<string, PropValue>>>();

function nodeSchema(kind: NodeKind): z.ZodType<Record<string, PropValue>> {
  let schema = nodeSchemas.get(kind);
  if (!schema) {
    schema = rowSchema(nodeProps(kind));
    nodeSchemas.set(kind, schema);
  }
  return schema;
}

function edgeSchema(kind: EdgeKind): z.ZodType<Record<string, PropValue>> {
  let schema = edgeSchemas.get(kind);
  if (!schema) {
    schema = rowSchema(edgeProps(kind));
    edgeSchemas.set(kind, schema);
  }
  return schema;
}

function evidenceOf(row: Record<string, PropValue>, what: string): Evidence[] {
  const sources = row['evSource'] as string[];
  const starts = row['evLineStart'] as number[];
  const ends = row['evLineEnd'] as number[];
  const sections = row['evSection'] as string[];
  if (
    starts.length !== sources.length ||
    ends.length !== sources.length ||
    sections.length !== sources.length
  ) {
    throw new RowShapeError(what, 'evidence lists have different lengths');
  }
  return sources.map((source, i) => ({
    source,
    lines: [starts[i] as number, ends[i] as number] as const,
    section: sections[i] as string,
  }));
}

function kindOf(raw: unknown): string {
  if (typeof raw === 'object' && raw !== null && 'kind' in raw && typeof raw.kind === 'string')
    return raw.kind;
  return String(undefined);
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(row)'}: ${i.message}`).join('; ');
}

/** Parses a stored node (a plain property map) into a record; throws RowShapeError if it does not fit. */
export function rowToNode(raw: unknown): NodeRecord {
  const kind = kindOf(raw);
  if (!isNodeKind(kind)) throw new RowShapeError('a node', `unknown kind ${JSON.stringify(kind)}`);
  const parsed = nodeSchema(kind).safeParse(raw);
  if (!parsed.success) throw new RowShapeError(`a ${kind} node`, describe(parsed.error));
  const row = parsed.data;
  const properties: Record<string, PropValue> = {};
  for (const key of Object.keys(nodeProps(kind))) {
    if (!NODE_BASE_KEYS.has(key)) properties[key] = row[key] ?? null;
  }
  const id = row['id'];
  const name = row['name'];
  if (typeof id !== 'string' || typeof name !== 'string') {
    throw new RowShapeError(`a ${kind} node`, 'id and name must be strings');
  }
  return {
    id,
    kind,
    name,
    aliases: row['aliases'] as string[],
    properties,
    evidence: evidenceOf(row, `node ${id}`),
  };
}

/** Parses a stored relationship and its endpoint ids into a record; throws RowShapeError if it does not fit. */
export function rowToEdge(raw: unknown, from: unknown, to: unknown): EdgeRecord {
  const kind = kindOf(raw);
  if (!isEdgeKind(kind)) throw new RowShapeError('a relationship', `unknown kind ${JSON.stringify(kind)}`);
  const parsed = edgeSchema(kind).safeParse(raw);
  if (!parsed.success) throw new RowShapeError(`a ${kind} relationship`, describe(parsed.error));
  const row = parsed.data;
  const id = row['id'];
  if (typeof id !== 'string' || typeof from !== 'string' || typeof to !== 'string') {
    throw new RowShapeError(`a ${kind} relationship`, 'id, from and to must be strings');
  }
  const properties: Record<string, PropValue> = {};
  for (const key of Object.keys(edgeProps(kind))) {
    if (!EDGE_BASE_KEYS.has(key)) properties[key] = row[key] ?? null;
  }
  return { id, kind, from, to, properties, evidence: evidenceOf(row, `relationship ${id}`) };
}
