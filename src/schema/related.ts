import type { Context } from '../context.js';
import type { NodeView } from '../model/records.js';

/**
 * The node with this id, through the request's loader. Every id this is called with comes from the
 * graph itself (a relationship's end, an analysis result), so a missing node is a bug, not bad input.
 */
export async function nodeOf(ctx: Context, id: string): Promise<NodeView> {
  const node = await ctx.loaders.nodeById.load(id);
  if (!node) throw new Error(`the graph has no node ${id}, though it names it`);
  return node;
}

/** The nodes with these ids, in order, through the request's loader (missing ones left out). */
export async function nodesOf(ctx: Context, ids: readonly string[]): Promise<NodeView[]> {
  return (await ctx.loaders.nodeById.loadMany(ids)).flatMap((n) => (n && !(n instanceof Error) ? [n] : []));
}
