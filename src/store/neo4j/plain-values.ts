import neo4j, { Node, Path, Relationship } from 'neo4j-driver';
import { edgeProps, nodeProps, type PropSpecs } from '../../model/graph-model.js';
import type { EdgeRecord, NodeRecord, StoreRow } from '../../model/records.js';
import { edgeToRow, nodeToRow } from '../../model/records.js';

function isTemporal(value: unknown): boolean {
  return (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isDuration(value)
  );
}

/**
 * Turns driver values into plain ones, the only place that does: Integers into numbers, temporals
 * into ISO strings, nodes and relationships into their property maps. An Integer outside the safe
 * range becomes a string rather than silently losing precision. Every value of every row read
 * passes here, so primitives (most values) leave before any driver type check, and the lists and
 * maps the driver decoded are converted in place (they belong to the record being read, which is
 * dropped after): copying them doubled what each row allocated.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = toPlain(value[i]);
    return value;
  }
  if (neo4j.isInt(value)) {
    // Not inSafeRange(): it compares through Integer arithmetic, a new Integer at each step (a
    // twelfth of what a deep query allocated). A value out of range comes out of toNumber() as
    // 2^53 or more, never a safe integer.
    const n = value.toNumber();
    return Number.isSafeInteger(n) ? n : value.toString();
  }
  if (isTemporal(value)) return String(value);
  if (value instanceof Node || value instanceof Relationship) return toPlain(value.properties);
  if (value instanceof Path) {
    return {
      segments: value.segments.map((s) => ({
        start: toPlain(s.start),
        rel: toPlain(s.relationship),
        end: toPlain(s.end),
      })),
    };
  }
  // A key named __proto__ is an own property of the driver's map, so assigning it writes that
  // property rather than the prototype.
  const map = value as Record<string, unknown>;
  for (const key in map) if (Object.hasOwn(map, key)) map[key] = toPlain(map[key]);
  return map;
}

/**
 * Query parameters for the driver: whole numbers become Integers, because JS numbers travel as
 * floats and Neo4j refuses a float where it needs an integer (LIMIT, SKIP, list indexes).
 */
export function toParams(params: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const convert = (value: unknown): unknown => {
    if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
    if (Array.isArray(value)) return value.map(convert);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]));
    }
    return value;
  };
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, convert(v)]));
}

/** Stored props typed as the model says: int properties as Integers, float ones as floats. */
function typed(row: StoreRow, specs: PropSpecs): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (value === null) continue;
    const type = specs[key]?.type;
    if (type === 'int' && typeof value === 'number') out[key] = neo4j.int(value);
    else if (type === 'int[]' && Array.isArray(value)) out[key] = value.map((v) => neo4j.int(v));
    else out[key] = value;
  }
  return out;
}

export function nodeWriteRow(node: NodeRecord): Record<string, unknown> {
  return typed(nodeToRow(node), nodeProps(node.kind));
}

export function edgeWriteRow(edge: EdgeRecord): Record<string, unknown> {
  return {
    from: edge.from,
    to: edge.to,
    kind: edge.kind,
    props: typed(edgeToRow(edge), edgeProps(edge.kind)),
  };
}
