import { StoreQueryError } from '../errors.js';
import type { Params } from '../executor.js';
import type { Query } from '../queries.js';

/**
 * Parameters Kuzu cannot bind, by query. Kuzu 0.11 refuses a parameter inside a recursive pattern's
 * predicate ("Cannot evaluate $x because it does not depend on n or r"), though it takes a literal
 * there; so for these queries the adapter writes the value into the text. Each is a list of ids, or
 * of steps written `from>to`.
 */
const INLINED: Readonly<Record<string, readonly string[]>> = {
  shortestPathsAvoiding: ['avoid', 'avoidSteps'],
};

/**
 * Node ids as the seeds spell them, or two joined by `>`: nothing that could end a string literal
 * or start a comment, so a value is refused, never escaped.
 */
const SAFE_ITEM = /^[A-Za-z0-9][A-Za-z0-9._:/-]*(?:>[A-Za-z0-9][A-Za-z0-9._:/-]*)?$/;

/** A list of ids (or steps) as a Cypher list literal. */
function listLiteral(query: string, param: string, value: unknown): string {
  if (!Array.isArray(value)) throw new StoreQueryError(query, `$${param} must be a list of node ids`);
  // A typed empty list: Kuzu 0.11 has crashed the process on an untyped empty list in IN.
  if (value.length === 0) return 'CAST([] AS STRING[])';
  return `[${value
    .map((item) => {
      if (typeof item !== 'string' || !SAFE_ITEM.test(item)) {
        throw new StoreQueryError(query, `$${param} holds ${JSON.stringify(item)}, which is not a node id`);
      }
      return `'${item}'`;
    })
    .join(', ')}]`;
}

/** The parameters of a query that are written into its text (none for most). */
export function inlinedParams(query: Query): readonly string[] {
  return INLINED[query.name] ?? [];
}

/**
 * The text and parameters Kuzu runs for a query: its inlined parameters written into the text as
 * literals and left out of the parameters, the rest unchanged.
 */
export function inlineParams(query: Query, params: Params): { text: string; params: Params } {
  const names = inlinedParams(query);
  if (names.length === 0) return { text: query.text, params };
  let text = query.text;
  const rest: Record<string, unknown> = { ...params };
  // Longest first, so that $avoid is not written into $avoidSteps.
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    const literal = listLiteral(query.name, name, params[name]);
    text = text.replace(new RegExp(`\\$${name}(?![A-Za-z0-9_])`, 'g'), literal);
    delete rest[name];
  }
  return { text, params: rest };
}
