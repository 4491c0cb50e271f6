import type { Context } from '../context.js';
import type { EdgeKind, NodeKind } from '../model/graph-model.js';
import type { EdgeRecord, NodeRecord } from '../model/records.js';

/** A relationship seen from one of its ends: the node at the other end, and which way it points. */
export interface Related {
  readonly node: NodeRecord;
  readonly edge: EdgeRecord;
  /** True when the relationship points from the node it is read from to `node`. */
  readonly outgoing: boolean;
}

export type DirectionValue = 'out' | 'in' | 'both';

/** Which relationships a field reads: its kinds, its direction, and the kinds of node at the other end. */
export interface RelatedSpec {
  readonly kinds?: readonly EdgeKind[];
  readonly direction: DirectionValue;
  readonly otherKinds?: readonly NodeKind[];
}

/** What a caller may narrow a relationship field by. */
export interface RelatedFilter {
  readonly kinds?: readonly EdgeKind[] | null | undefined;
  /** Case-insensitive part of the role as stated. */
  readonly role?: string | null | undefined;
  readonly period?: string | null | undefined;
  readonly direction?: DirectionValue | null | undefined;
}

/**
 * The node with this id, through the request's loader. Every id this is called with comes from the
 * graph itself (a relationship's end, an analysis result), so a missing node is a bug, not bad input.
 */
export async function nodeOf(ctx: Context, id: string): Promise<NodeRecord> {
  const node = await ctx.loaders.nodeById.load(id);
  if (!node) throw new Error(`the graph has no node ${id}, though it names it`);
  return node;
}

/** The nodes with these ids, in order, through the request's loader (missing ones left out). */
export async function nodesOf(ctx: Context, ids: readonly string[]): Promise<NodeRecord[]> {
  return (await ctx.loaders.nodeById.loadMany(ids)).flatMap((n) => (n && !(n instanceof Error) ? [n] : []));
}

function stringProp(edge: EdgeRecord, key: string): string | null {
  const value = edge.properties[key];
  return typeof value === 'string' ? value : null;
}

export function edgeRole(edge: EdgeRecord): string | null {
  return stringProp(edge, 'role');
}

export function edgePeriod(edge: EdgeRecord): string | null {
  return stringProp(edge, 'period');
}

/**
 * The relationships of `node` that a field reads, with the node at the other end of each. Reads the
 * request's edge and node loaders, so every relationship field at one level of a query (whatever
 * page sizes it asks for) costs one store call for the edges and one for the nodes.
 */
export async function related(
  ctx: Context,
  node: NodeRecord,
  spec: RelatedSpec,
  filter: RelatedFilter = {},
): Promise<Related[]> {
  const edges = await ctx.loaders.edgesOfNode.load(node.id);
  for (const e of edges) ctx.loaders.edgeById.prime(e.id, e);
  const role = filter.role?.toLowerCase();
  const direction = filter.direction && filter.direction !== 'both' ? filter.direction : spec.direction;
  const picked = edges.flatMap((edge) => {
    if (spec.kinds && !spec.kinds.includes(edge.kind)) return [];
    if (filter.kinds && filter.kinds.length > 0 && !filter.kinds.includes(edge.kind)) return [];
    if (filter.period && edgePeriod(edge) !== filter.period) return [];
    if (role && !(edgeRole(edge) ?? '').toLowerCase().includes(role)) return [];
    const views: { outgoing: boolean; other: string }[] = [];
    if (edge.from === node.id && direction !== 'in') views.push({ outgoing: true, other: edge.to });
    if (edge.to === node.id && direction !== 'out') views.push({ outgoing: false, other: edge.from });
    return views.map((v) => ({ edge, ...v }));
  });
  const others = await ctx.loaders.nodeById.loadMany(picked.map((p) => p.other));
  return picked.flatMap((p, i) => {
    const other = others[i];
    if (!other || other instanceof Error) return [];
    if (spec.otherKinds && !spec.otherKinds.includes(other.kind)) return [];
    return [{ node: other, edge: p.edge, outgoing: p.outgoing }];
  });
}
