import { z } from 'zod';
import {
  COMMON_NODE_PROPS,
  type EdgeKind,
  edgeProps,
  isEdgeKind,
  isFact,
  isNodeKind,
  type NodeKind,
  nodeProps,
  type PropSpecs,
  type PropType,
} from './graph-model.js';
import { searchTextOf, sortNameOf, tieKeyOf } from './sort-keys.js';

/**
 * A stored row does not fit the model (a property of the wrong type, an unknown kind). The store
 * turns it into a RowShapeError with its code; the model only says what is wrong.
 */
export class RecordShapeError extends Error {
  constructor(
    readonly what: string,
    readonly problem: string,
  ) {
    super(`${what} does not fit the graph model: ${problem}`);
    this.name = 'RecordShapeError';
  }
}

/** Where a fact comes from: a report file, a 1-based inclusive line range, and a section or table. */
export interface Evidence {
  readonly source: string;
  readonly lines: readonly [number, number];
  readonly section: string;
}

export type Scalar = string | number;
export type PropValue = Scalar | readonly Scalar[] | null;

/**
 * A node as a read hands it out, whichever engine it came from. `properties` holds the kind's own
 * properties (not id, kind, name, aliases, evidence or keys), null when not known, and the values
 * the store derived at load (nameRank, funding aggregates). Evidence is there only when the read
 * asked for it: it is the long part of a node, and most reads do not need it.
 */
export interface NodeView {
  readonly id: string;
  readonly kind: NodeKind;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly properties: Readonly<Record<string, PropValue>>;
  readonly evidence?: readonly Evidence[];
}

/** A node with its facts and evidence, and nothing the store derived: what loads write and exports read. */
export interface NodeRecord extends NodeView {
  readonly evidence: readonly Evidence[];
}

/** A relationship as a read hands it out: role, period, the kind's own properties and derived values. */
export interface EdgeView {
  readonly id: string;
  readonly kind: EdgeKind;
  readonly from: string;
  readonly to: string;
  readonly properties: Readonly<Record<string, PropValue>>;
  readonly evidence?: readonly Evidence[];
}

/** A relationship with its facts and evidence: what loads write and exports read. */
export interface EdgeRecord extends EdgeView {
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

/** The row a node is stored as: its facts, its keys, and nulls where the store derives values later. */
export function nodeToRow(node: NodeRecord): StoreRow {
  return {
    id: node.id,
    kind: node.kind,
    name: node.name,
    aliases: [...node.aliases],
    ...flattenEvidence(node.evidence),
    sortName: sortNameOf(node.name),
    searchText: searchTextOf(node.name, node.aliases),
    nameRank: null,
    ...fillProps(nodeProps(node.kind), node.properties, NODE_BASE_KEYS),
  };
}

/** The row a relationship is stored as (its endpoints are matched separately), with its tie key. */
export function edgeToRow(edge: EdgeRecord): StoreRow {
  return {
    id: edge.id,
    kind: edge.kind,
    ...flattenEvidence(edge.evidence),
    ...fillProps(edgeProps(edge.kind), { ...edge.properties, tieKey: tieKeyOf(edge.id) }, EDGE_BASE_KEYS),
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
    throw new RecordShapeError(what, 'evidence lists have different lengths');
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

/** Whether a stored row carries evidence: a read that did not ask for it hands back null lists. */
function hasEvidence(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && Array.isArray((raw as { evSource?: unknown }).evSource);
}

function parseNode(raw: unknown, withDerived: boolean): NodeView {
  const kind = kindOf(raw);
  if (!isNodeKind(kind)) throw new RecordShapeError('a node', `unknown kind ${JSON.stringify(kind)}`);
  const parsed = nodeSchema(kind).safeParse(raw);
  if (!parsed.success) throw new RecordShapeError(`a ${kind} node`, describe(parsed.error));
  const row = parsed.data;
  const properties: Record<string, PropValue> = {};
  for (const [key, spec] of Object.entries(nodeProps(kind))) {
    if (NODE_BASE_KEYS.has(key) && key !== 'nameRank') continue;
    if (isFact(spec) || (withDerived && spec.derived === 'load')) properties[key] = row[key] ?? null;
  }
  const id = row['id'];
  const name = row['name'];
  if (typeof id !== 'string' || typeof name !== 'string') {
    throw new RecordShapeError(`a ${kind} node`, 'id and name must be strings');
  }
  const view = { id, kind, name, aliases: row['aliases'] as string[], properties };
  return hasEvidence(raw) ? { ...view, evidence: evidenceOf(row, `node ${id}`) } : view;
}

function parseEdge(raw: unknown, from: unknown, to: unknown, withDerived: boolean): EdgeView {
  const kind = kindOf(raw);
  if (!isEdgeKind(kind)) throw new RecordShapeError('a relationship', `unknown kind ${JSON.stringify(kind)}`);
  const parsed = edgeSchema(kind).safeParse(raw);
  if (!parsed.success) throw new RecordShapeError(`a ${kind} relationship`, describe(parsed.error));
  const row = parsed.data;
  const id = row['id'];
  if (typeof id !== 'string' || typeof from !== 'string' || typeof to !== 'string') {
    throw new RecordShapeError(`a ${kind} relationship`, 'id, from and to must be strings');
  }
  const properties: Record<string, PropValue> = {};
  for (const [key, spec] of Object.entries(edgeProps(kind))) {
    if (EDGE_BASE_KEYS.has(key)) continue;
    if (isFact(spec) || (withDerived && spec.derived === 'load')) properties[key] = row[key] ?? null;
  }
  const view = { id, kind, from, to, properties };
  return hasEvidence(raw) ? { ...view, evidence: evidenceOf(row, `relationship ${id}`) } : view;
}

/**
 * Parses a whole stored node (a plain property map, evidence included) into a record: its facts
 * only. Throws RecordShapeError if it does not fit the model.
 */
export function rowToNode(raw: unknown): NodeRecord {
  const node = parseNode(raw, false);
  if (!node.evidence) throw new RecordShapeError(`node ${node.id}`, 'the row has no evidence');
  return node as NodeRecord;
}

/** Parses a whole stored relationship and its endpoint ids into a record: its facts only. */
export function rowToEdge(raw: unknown, from: unknown, to: unknown): EdgeRecord {
  const edge = parseEdge(raw, from, to, false);
  if (!edge.evidence) throw new RecordShapeError(`relationship ${edge.id}`, 'the row has no evidence');
  return edge as EdgeRecord;
}

/**
 * Parses a node as a read projects it: the properties it selected, evidence when it asked for it
 * (null lists otherwise), and the values derived at load.
 */
export function rowToNodeView(raw: unknown): NodeView {
  return parseNode(raw, true);
}

/** Parses a relationship as a read projects it (see rowToNodeView). */
export function rowToEdgeView(raw: unknown, from: unknown, to: unknown): EdgeView {
  return parseEdge(raw, from, to, true);
}
