import type { Context } from '../context.js';
import type { NodeKind } from '../model/graph-model.js';
import type { NodeRecord } from '../model/records.js';
import { compareKeys, type PageArgs, pageOf, type SortKey } from './paging.js';

export interface NodeListOptions {
  /** Case-insensitive part of the name or of an alias. */
  readonly nameContains?: string | null | undefined;
  /** Keeps the nodes that pass (property and aggregate filters). */
  readonly keep?: (node: NodeRecord) => boolean;
  /** The value to sort by, before name and id; nodes without one sort last. */
  readonly orderValue?: (node: NodeRecord) => string | number | null;
  readonly descending?: boolean;
}

export function nameMatches(node: NodeRecord, text: string): boolean {
  const wanted = text.toLowerCase();
  return [node.name, ...node.aliases].some((n) => n.toLowerCase().includes(wanted));
}

/**
 * A root connection over every node of a kind: filtered by name or alias and by `keep`, sorted by
 * `orderValue` (then name, then id, so the order is total and cursors are stable), one page cut.
 */
export async function nodeList(ctx: Context, kind: NodeKind, args: PageArgs, options: NodeListOptions = {}) {
  const all = await ctx.loaders.nodesByKind.load(kind);
  // Later lookups of these nodes by id (a relationship pointing back at one) need no store call.
  for (const n of all) ctx.loaders.nodeById.prime(n.id, n);
  const text = options.nameContains?.trim();
  const kept = all.filter((n) => (!text || nameMatches(n, text)) && (!options.keep || options.keep(n)));
  const keyOf = (n: NodeRecord): SortKey =>
    options.orderValue ? [options.orderValue(n), n.name.toLowerCase(), n.id] : [n.name.toLowerCase(), n.id];
  const compare = compareKeys(options.descending === true);
  const sorted = [...kept].sort((a, b) => compare(keyOf(a), keyOf(b)));
  return pageOf(sorted, args, ctx.config.paging, keyOf, compare, (node, cursor) => ({ cursor, node }));
}
