import type { EdgeView, NodeView, PropValue } from './records.js';

/**
 * Typed reads of the property bags of nodes and relationships: a value of the wrong type reads as
 * null, so a resolver never casts what a store handed back.
 */
function text(value: PropValue | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

function num(value: PropValue | undefined): number | null {
  return typeof value === 'number' ? value : null;
}

/** A node's text property, or null. */
export function nodeString(node: NodeView, key: string): string | null {
  return text(node.properties[key]);
}

/** A node's numeric property, or null. */
export function nodeNumber(node: NodeView, key: string): number | null {
  return num(node.properties[key]);
}

/** A relationship's text property, or null. */
export function edgeString(edge: EdgeView, key: string): string | null {
  return text(edge.properties[key]);
}

/** A relationship's numeric property, or null. */
export function edgeNumber(edge: EdgeView, key: string): number | null {
  return num(edge.properties[key]);
}

/** A text property whose values the model lists (a category, a status): the value if it is one of them. */
export function oneOf<T extends string>(value: string | null, values: readonly T[]): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}
