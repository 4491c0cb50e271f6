/**
 * One benchmark operation: the same question asked of every system (our GraphQL, the best raw Cypher
 * on each engine, @neo4j/graphql where it can express it), and for each the reduction of its answer
 * to plain facts, so the answers can be compared before anything is timed.
 */
import { COMMON_NODE_PROPS } from '../../../src/model/graph-model.js';
import type { Engine } from '../options.js';

/** Values picked from the loaded graph (see inputs.ts); store ids, not global ids. */
export interface Inputs {
  /** The organisation with the most funding lines. */
  readonly funder: string;
  /** An ordinary funder: 3 to 6 lines to the least crowded targets (its co-funders do not grow with the graph). */
  readonly coFunder: string;
  /** A programme with a few funders, parts and outcomes (a popular one on the seed graph). */
  readonly programme: string;
  readonly searchText: string;
  readonly pathFrom: string;
  readonly pathTo: string;
  /** The period with the most funding lines. */
  readonly period: string;
}

/** Facts: a JSON value whose canonical form is compared across systems. */
export type Facts = Readonly<Record<string, unknown>>;
export type Row = Readonly<Record<string, unknown>>;

export interface GraphqlVersion {
  readonly query: string;
  variables(inputs: Inputs): Record<string, unknown>;
  /** Reduces `data` of a successful response to facts. */
  facts(data: unknown): Facts;
}

export interface RawVersion {
  /** One statement per engine, parameters only ($id, $text, ...). */
  readonly cypher: Readonly<Record<Engine, string>>;
  params(inputs: Inputs): Record<string, unknown>;
  facts(rows: readonly Row[]): Facts;
}

export interface Operation {
  readonly id: string;
  readonly title: string;
  readonly ours: GraphqlVersion;
  readonly raw: RawVersion;
  /** The @neo4j/graphql version, or why it cannot express the question. */
  readonly neo4jGraphql: GraphqlVersion | { readonly unsupported: string };
  /**
   * Where systems legitimately differ, said out loud: the facts leave the difference out, or a
   * mismatch of these keys is reported as a known difference instead of failing.
   */
  readonly known?: { readonly keys: readonly string[]; readonly reason: string };
}

/**
 * The property Cypher orders names by. The service orders by a stored normalised sort key (lower case,
 * accents stripped) once the model has one; until then names, and the comparison of name-ordered
 * pages reports a collation difference rather than a failure.
 */
export const SORT_PROPERTY: string | null =
  Object.keys(COMMON_NODE_PROPS).find((key) => /sort/i.test(key)) ?? null;
export const NAME_ORDER_NOTE = SORT_PROPERTY
  ? null
  : 'no stored sort key yet: the service orders names with localeCompare, Cypher by code point';

/** `alias.<sort key or name>` for ORDER BY. */
export function nameKey(alias: string): string {
  return `${alias}.${SORT_PROPERTY ?? 'name'}`;
}

// Small readers for untyped JSON: they throw with the path when the shape is not what was asked for.

export function obj(value: unknown, path: string): Readonly<Record<string, unknown>> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new Error(`expected an object at ${path}, got ${JSON.stringify(value)?.slice(0, 200)}`);
  return value as Record<string, unknown>;
}

export function arr(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value))
    throw new Error(`expected a list at ${path}, got ${JSON.stringify(value)?.slice(0, 200)}`);
  return value;
}

export function str(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new Error(`expected text at ${path}, got ${JSON.stringify(value)}`);
  return value;
}

export function num(value: unknown, path: string): number {
  if (typeof value !== 'number')
    throw new Error(`expected a number at ${path}, got ${JSON.stringify(value)}`);
  return value;
}

/** A store id from a Relay global id (base64 of `Type:id`). */
export function storeId(globalId: unknown): string {
  const decoded = Buffer.from(str(globalId, 'id'), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? decoded : decoded.slice(colon + 1);
}

/** The Relay global id of a store id, as the service expects it in arguments. */
export function globalId(kind: string, id: string): string {
  return Buffer.from(`${kind}:${id}`).toString('base64');
}

/** `edges[].node` of a connection. */
export function nodes(connection: unknown, path: string): readonly Readonly<Record<string, unknown>>[] {
  return arr(obj(connection, path)['edges'], `${path}.edges`).map((e, i) =>
    obj(obj(e, `${path}.edges.${i}`)['node'], `${path}.edges.${i}.node`),
  );
}

export const sorted = (items: Iterable<string>): string[] => [...items].sort();
/** Amounts as text with two decimals, so 45000 and 45000.0 compare equal across drivers. */
/** An amount as compared across systems; a funding line a report names with no figure has none. */
export const money = (value: unknown): string => (value === null ? 'none' : num(value, 'amount').toFixed(2));
