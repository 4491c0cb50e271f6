import type { Context } from '../context.js';
import type { EdgeView, NodeView } from '../model/records.js';
import { notFound } from '../request/errors.js';
import type { GraphReader, PathRecord } from '../store/port.js';

/** A request may ask for at most this many paths. */
export const MAX_PATHS = 20;

/**
 * Searches for alternative routes one request may run, beyond the first. Each is one shortest-path
 * search in the database; the bound keeps a request to a few dozen however the graph branches.
 */
export const MAX_DETOUR_SEARCHES = 24;

/** One step of a path, with every relationship between its two nodes (the first by id leads). */
export interface HopShape {
  readonly from: NodeView;
  readonly to: NodeView;
  readonly edges: readonly EdgeView[];
}

/** One connection between two nodes. */
export interface PathShape {
  readonly nodes: readonly NodeView[];
  readonly hops: readonly HopShape[];
}

const routeKey = (nodeIds: readonly string[]): string => nodeIds.join('\u0000');
const hops = (record: PathRecord): number => record.edgeIds.length;

/**
 * Up to `first` routes between two nodes that differ in at least one node, shortest first: every
 * shortest path, then alternatives, found by Yen's k-shortest-paths algorithm with the database
 * doing each search. A route taken is branched at each of its nodes but the last (the spur): the
 * search runs from the spur to the end, through none of the nodes before the spur (routes stay
 * simple) and taking none of the steps that routes already taken with the same beginning take from
 * the spur (so the branch differs). A step is every relationship between its two nodes: parallel
 * relationships make one route. Branches only lengthen routes, so taking the shortest candidate
 * each time gives the routes in order of length; branches are searched only when every candidate
 * in hand is longer than the route they would branch from, so a request with enough shortest
 * paths runs one search. Ties keep the order found (the store's is by node ids), and the routes
 * for `first` begin those for any larger `first`.
 */
export async function findRoutes(
  reader: Pick<GraphReader, 'shortestPaths'>,
  from: string,
  to: string,
  maxHops: number,
  first: number,
): Promise<PathRecord[]> {
  const queue: PathRecord[] = [];
  const add = (records: readonly PathRecord[]) => {
    queue.push(...records);
    // Stable: equal lengths keep the order they were found in.
    queue.sort((a, b) => hops(a) - hops(b));
  };
  add(await reader.shortestPaths({ from, to, maxHops, limit: MAX_PATHS }));

  const taken: PathRecord[] = [];
  const takenKeys = new Set<string>();
  const searched = new Set<string>();
  /** Routes taken whose branches have not been searched yet, shortest first. */
  const unbranched: PathRecord[] = [];
  let searches = 0;

  const branch = async (parent: PathRecord) => {
    for (let i = 0; i < parent.nodeIds.length - 1 && i < maxHops; i++) {
      const root = parent.nodeIds.slice(0, i + 1);
      const spur = root[i] as string;
      const avoid = root.slice(0, i);
      const steps = [
        ...new Set(
          taken
            .filter((p) => p.nodeIds.length > i + 1 && root.every((id, j) => p.nodeIds[j] === id))
            .map((p) => p.nodeIds[i + 1] as string),
        ),
      ].sort();
      const key = `${spur}\u0001${routeKey(avoid)}\u0001${routeKey(steps)}`;
      if (searched.has(key)) continue;
      if (searches >= MAX_DETOUR_SEARCHES) return;
      searched.add(key);
      searches++;
      const spurs = await reader.shortestPaths({
        from: spur,
        to,
        maxHops: maxHops - i,
        limit: MAX_PATHS,
        avoid,
        avoidSteps: steps.map((next) => [spur, next] as const),
      });
      add(
        spurs.map((s) => ({
          nodeIds: [...avoid, ...s.nodeIds],
          edgeIds: [...parent.edgeIds.slice(0, i), ...s.edgeIds],
        })),
      );
    }
  };

  while (taken.length < first) {
    while (queue[0] && takenKeys.has(routeKey(queue[0].nodeIds))) queue.shift();
    const head = queue[0];
    const parent = unbranched[0];
    if (parent && searches < MAX_DETOUR_SEARCHES && (!head || hops(head) > hops(parent))) {
      unbranched.shift();
      await branch(parent);
      continue;
    }
    if (!head) break;
    queue.shift();
    taken.push(head);
    takenKeys.add(routeKey(head.nodeIds));
    unbranched.push(head);
  }
  return taken;
}

/**
 * The routes between two nodes (findRoutes): the store finds them, the node and relationship
 * loaders read what they walk through.
 */
export async function shortestPaths(
  ctx: Context,
  from: NodeView,
  to: NodeView,
  maxHops: number,
  first: number,
): Promise<PathShape[]> {
  const records = await findRoutes(ctx.reader, from.id, to.id, maxHops, first);
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
