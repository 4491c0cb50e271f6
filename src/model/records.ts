import {
  COMMON_NODE_PROPS,
  type EdgeKind,
  edgeProps,
  isEdgeKind,
  isFact,
  isNodeKind,
  type NodeKind,
  nodeProps,
  type PropSpec,
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

/**
 * How much of a node or relationship a read hands out: `all` its properties, its `core` (the keys
 * below; every other property reads as null and aliases as empty), or only its `names`: a node's id,
 * kind and name, a relationship's id and kind, and the keys a cursor is made of. A page whose query
 * selects nothing beyond the core is read as core: on Kuzu every column a text names is read for
 * every row it walks, and a 100-row funding page took a third less time with these nine and five.
 * A page of names (what a node funds, a programme's outcomes, each an id and a name) reads seven
 * columns rather than fifteen: on Neo4j the driver decodes every column of every row, and 20
 * organisations with what they fund and those programmes' outcomes took a fifth less of the
 * service's CPU. Only relationship pages have texts of names; a list or co-funders asked for names
 * reads its core. Below names, `ids`: a node's id only (and what orders it). Only co-funders have
 * texts of ids, since a co-funder's name is read for every pair of funding lines before they are
 * counted (a funder's co-funders at 100k relationships: 3.3 ms with ids, 3.9 with the core); a
 * relationship page asked for ids reads its names, a list its core. request/core-selection.ts
 * decides, from the GraphQL fields selected.
 */
export type Projection = 'ids' | 'names' | 'core' | 'all';

export const CORE_NODE_KEYS: readonly string[] = ['id', 'kind', 'name', 'nameRank', 'period'];

export const CORE_EDGE_KEYS: readonly string[] = [
  'id',
  'kind',
  'tieKey',
  'periodRank',
  'role',
  'period',
  'amount',
  'currency',
  'fundingKind',
];

export const NAMES_NODE_KEYS: readonly string[] = ['id', 'kind', 'name', 'nameRank'];

export const NAMES_EDGE_KEYS: readonly string[] = ['id', 'kind', 'tieKey'];

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

/** The ids of records merged into a node, which still resolve to it (none for most nodes). */
export function formerIdsOf(node: NodeView): readonly string[] {
  const ids = node.properties['formerIds'];
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

/** Part of a graph as a read hands it out (no evidence needed): what the network analysis reads. */
export interface GraphView {
  readonly nodes: readonly NodeView[];
  readonly edges: readonly EdgeView[];
}

/** A flat property map as both engines store it: evidence as parallel lists, nothing nested. */
export type StoreRow = Record<string, PropValue>;

const EVIDENCE_KEYS = ['evSource', 'evLineStart', 'evLineEnd', 'evSection'] as const;
// The common keys a record holds outside `properties`; formerIds, common to every kind, is read
// and written as a property (most nodes have none).
const NODE_BASE_KEYS = new Set<string>(Object.keys(COMMON_NODE_PROPS).filter((key) => key !== 'formerIds'));
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
    ...fillProps(
      edgeProps(edge.kind),
      { ...edge.properties, tieKey: tieKeyOf(edge.id), fromId: edge.from, toId: edge.to },
      EDGE_BASE_KEYS,
    ),
  };
}

/** A value that does not fit its property's type: what the reader returns instead of throwing. */
const MISFIT = Symbol('misfit');
type Misfit = typeof MISFIT;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/**
 * The one empty list every unset list property reads as: a page read without evidence has four
 * unset lists per node and per relationship, and a new array for each was garbage on every row.
 */
const NONE: readonly never[] = Object.freeze([]);

/**
 * How a stored value of each type is read. Engines hand back null (Kuzu) or nothing (Neo4j) for an
 * unset property, and Kuzu stores an empty list as null: both are normalised so the two engines give
 * identical records. Written by hand rather than with zod: every row of every page passes here, and
 * zod's general object parsing was a tenth of a 100-row page's time.
 */
const READERS: Record<PropType, (v: unknown) => PropValue | Misfit> = {
  string: (v) => (v == null ? null : typeof v === 'string' ? v : MISFIT),
  int: (v) => (v == null ? null : isInt(v) ? v : MISFIT),
  float: (v) => (v == null ? null : typeof v === 'number' ? v : MISFIT),
  'string[]': (v) =>
    v == null ? NONE : Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : MISFIT,
  'int[]': (v) => (v == null ? NONE : Array.isArray(v) && v.every(isInt) ? (v as number[]) : MISFIT),
};

/** A kind's properties, compiled once per key prefix of the maps a read hands back ('n_', 'e_', ''). */
interface RowReader {
  readonly keys: readonly string[];
  readonly stored: readonly string[];
  readonly types: readonly PropType[];
}

const rowReaders = new Map<string, RowReader>();

function rowReader(specs: PropSpecs, cacheKey: string, prefix: string): RowReader {
  const id = `${cacheKey}:${prefix}`;
  let reader = rowReaders.get(id);
  if (!reader) {
    const keys = Object.keys(specs);
    reader = {
      keys,
      stored: keys.map((key) => prefix + key),
      types: keys.map((key) => (specs[key] as PropSpec).type),
    };
    rowReaders.set(id, reader);
  }
  return reader;
}

/** The declared properties of a stored map (unknown keys dropped), or the first that does not fit. */
function readRow(
  reader: RowReader,
  raw: Readonly<Record<string, unknown>>,
): Record<string, PropValue> | string {
  const row: Record<string, PropValue> = {};
  for (let i = 0; i < reader.keys.length; i++) {
    const type = reader.types[i] as PropType;
    const value = READERS[type](raw[reader.stored[i] as string]);
    if (value === MISFIT)
      return `${reader.keys[i]}: expected ${type}, got ${describeValue(raw[reader.stored[i] as string])}`;
    row[reader.keys[i] as string] = value;
  }
  return row;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list with other values';
  return value === null ? 'null' : typeof value;
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

function asMap(raw: unknown, what: string): Readonly<Record<string, unknown>> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new RecordShapeError(what, 'not a property map');
  return raw as Record<string, unknown>;
}

/**
 * What reading one kind of node or relationship under one column prefix needs, worked out once:
 * every row of every page is read here, and building these per row (key strings, entry lists) was
 * a visible share of a deep query's main-thread time and garbage.
 */
interface ViewPlan {
  readonly reader: RowReader;
  /** The keys copied into `properties`. */
  readonly propertyKeys: readonly string[];
}

interface PrefixPlans {
  readonly kindKey: string;
  /** A read that did not ask for evidence hands back null lists under this key. */
  readonly evidenceKey: string;
  /** By `node:` or `edge:` and kind, then by withDerived (0 or 1). */
  readonly views: Map<string, [ViewPlan, ViewPlan]>;
}

const prefixPlans = new Map<string, PrefixPlans>();

function plansOf(prefix: string): PrefixPlans {
  let plans = prefixPlans.get(prefix);
  if (!plans) {
    plans = { kindKey: `${prefix}kind`, evidenceKey: `${prefix}evSource`, views: new Map() };
    prefixPlans.set(prefix, plans);
  }
  return plans;
}

function viewPlan(
  plans: PrefixPlans,
  table: 'node' | 'edge',
  kind: string,
  specs: PropSpecs,
  prefix: string,
  withDerived: boolean,
): ViewPlan {
  const cacheKey = `${table}:${kind}`;
  let both = plans.views.get(cacheKey);
  if (!both) {
    const reader = rowReader(specs, cacheKey, prefix);
    const skip = (key: string) =>
      table === 'node' ? NODE_BASE_KEYS.has(key) && key !== 'nameRank' : EDGE_BASE_KEYS.has(key);
    const keys = (derived: boolean) =>
      Object.entries(specs)
        .filter(([key, spec]) => !skip(key) && (isFact(spec) || (derived && spec.derived === 'load')))
        .map(([key]) => key);
    both = [
      { reader, propertyKeys: keys(false) },
      { reader, propertyKeys: keys(true) },
    ];
    plans.views.set(cacheKey, both);
  }
  return both[withDerived ? 1 : 0];
}

function propertiesOf(row: Record<string, PropValue>, keys: readonly string[]): Record<string, PropValue> {
  const properties: Record<string, PropValue> = {};
  for (const key of keys) properties[key] = row[key] ?? null;
  return properties;
}

function parseNode(input: unknown, withDerived: boolean, prefix = ''): NodeView {
  const raw = asMap(input, 'a node');
  const plans = plansOf(prefix);
  const kind = raw[plans.kindKey];
  if (typeof kind !== 'string' || !isNodeKind(kind))
    throw new RecordShapeError('a node', `unknown kind ${JSON.stringify(kind)}`);
  const plan = viewPlan(plans, 'node', kind, nodeProps(kind), prefix, withDerived);
  const row = readRow(plan.reader, raw);
  if (typeof row === 'string') throw new RecordShapeError(`a ${kind} node`, row);
  const id = row['id'];
  const name = row['name'];
  if (typeof id !== 'string' || typeof name !== 'string') {
    throw new RecordShapeError(`a ${kind} node`, 'id and name must be strings');
  }
  const properties = propertiesOf(row, plan.propertyKeys);
  const aliases = row['aliases'] as string[];
  return Array.isArray(raw[plans.evidenceKey])
    ? { id, kind, name, aliases, properties, evidence: evidenceOf(row, `node ${id}`) }
    : { id, kind, name, aliases, properties };
}

function parseEdge(input: unknown, from: unknown, to: unknown, withDerived: boolean, prefix = ''): EdgeView {
  const raw = asMap(input, 'a relationship');
  const plans = plansOf(prefix);
  const kind = raw[plans.kindKey];
  if (typeof kind !== 'string' || !isEdgeKind(kind))
    throw new RecordShapeError('a relationship', `unknown kind ${JSON.stringify(kind)}`);
  const plan = viewPlan(plans, 'edge', kind, edgeProps(kind), prefix, withDerived);
  const row = readRow(plan.reader, raw);
  if (typeof row === 'string') throw new RecordShapeError(`a ${kind} relationship`, row);
  const id = row['id'];
  if (typeof id !== 'string' || typeof from !== 'string' || typeof to !== 'string') {
    throw new RecordShapeError(`a ${kind} relationship`, 'id, from and to must be strings');
  }
  const properties = propertiesOf(row, plan.propertyKeys);
  return Array.isArray(raw[plans.evidenceKey])
    ? { id, kind, from, to, properties, evidence: evidenceOf(row, `relationship ${id}`) }
    : { id, kind, from, to, properties };
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
export function rowToNodeView(raw: unknown, prefix = ''): NodeView {
  return parseNode(raw, true, prefix);
}

/** Parses a relationship as a read projects it (see rowToNodeView). */
export function rowToEdgeView(raw: unknown, from: unknown, to: unknown, prefix = ''): EdgeView {
  return parseEdge(raw, from, to, true, prefix);
}
