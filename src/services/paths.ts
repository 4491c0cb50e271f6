import type { Context } from '../context.js';
import type { EdgeView, NodeView } from '../model/records.js';
import { notFound } from '../schema/errors.js';

/** One step of a path, with every relationship between its two nodes (the first by id leads). */
export interface HopShape {
  readonly from: NodeView;
  readonly to: NodeView;
  readonly edges: readonly EdgeView[];
}

/** One shortest connection between two nodes. */
export interface PathShape {
  readonly nodes: readonly NodeView[];
  readonly hops: readonly HopShape[];
}

/**
 * The shortest paths between two nodes: the store finds them (a few hundred candidates at most),
 * the node and relationship loaders read what they walk through.
 */
export async function shortestPaths(
  ctx: Context,
  from: NodeView,
  to: NodeView,
  maxHops: number,
  first: number,
): Promise<PathShape[]> {
  const records = await ctx.reader.shortestPaths({
    from: from.id,
    to: to.id,
    maxHops,
    limit: first,
  });
  const nodes = new Map<string, NodeView>();
  const edges = new Map<string, EdgeView>();
  const nodeIds = [...new Set(records.flatMap((r) => r.nodeIds))];
  const edgeIds = [...new Set(records.flatMap((r) => r.edgeIds.flat()))];
  for (const n of await ctx.loaders.nodeById.loadMany(nodeIds))
    if (n && !(n instanceof Error)) nodes.set(n.id, n);
  for (const e of await ctx.loaders.edgeById.loadMany(edgeIds))
    if (e && !(e instanceof Error)) edges.set(e.id, e);
  const paths = records.map((r) => {
    const walk = r.nodeIds.map((id) => nodes.get(id));
    const hops = r.edgeIds.map((ids, i) => {
      const step = ids.flatMap((id) => edges.get(id) ?? []);
      const a = walk[i];
      const b = walk[i + 1];
      if (step.length === 0 || !a || !b) {
        throw notFound(`the path between ${from.id} and ${to.id} changed while it was read`);
      }
      return { from: a, to: b, edges: step };
    });
    return { nodes: walk as NodeView[], hops };
  });
  return paths;
}
