import type { EdgeView, NodeView } from '../model/records.js';
import { badUserInput } from '../request/errors.js';
import { MAX_PATHS, type PathShape, shortestPaths } from '../services/paths.js';
import { builder } from './builder.js';
import { EvidenceRef, edgeEvidence } from './evidence.js';
import { nodeArg } from './ids.js';
import { EntityRef, RelationshipRef } from './refs.js';

/** Paths can be at most this long: beyond it, everything in the graph is connected to everything. */
export const MAX_HOPS = 6;

type HopShape = PathShape['hops'][number];

interface PathResultShape {
  readonly from: NodeView;
  readonly to: NodeView;
  readonly paths: readonly PathShape[];
}

const HopRef = builder.objectRef<HopShape>('Hop').implement({
  description: 'One step of a path: from a node, over a relationship, to the next node.',
  fields: (t) => ({
    from: t.field({ type: EntityRef, resolve: (h) => h.from }),
    to: t.field({ type: EntityRef, resolve: (h) => h.to }),
    relationship: t.field({
      type: RelationshipRef,
      description: 'The relationship with its properties (the first, when several join the two nodes).',
      resolve: (h) => h.edges[0] as EdgeView,
    }),
    relationships: t.field({
      type: [RelationshipRef],
      description:
        'Every relationship that joins the two nodes on this step (several reports, several roles).',
      resolve: (h) => [...h.edges],
    }),
    forward: t.boolean({
      description:
        'True when the (first) relationship points the way the path walks (from -> to); false when it points back.',
      resolve: (h) => (h.edges[0] as EdgeView).from === h.from.id,
    }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'Where the reports state this step: the evidence of every relationship on it.',
      resolve: async (h, _a, ctx) => (await Promise.all(h.edges.map((e) => edgeEvidence(ctx, e)))).flat(),
    }),
  }),
});

const PathRef = builder.objectRef<PathShape>('Path').implement({
  description:
    'One route between two nodes: a shortest one, or an alternative that differs from the shorter routes in at least one node.',
  fields: (t) => ({
    length: t.int({ description: 'Number of hops.', resolve: (p) => p.hops.length }),
    nodes: t.field({
      type: [EntityRef],
      description: 'The nodes in walking order.',
      resolve: (p) => [...p.nodes],
    }),
    hops: t.field({ type: [HopRef], resolve: (p) => [...p.hops] }),
  }),
});

const PathResultRef = builder.objectRef<PathResultShape>('PathResult').implement({
  description:
    'The routes between two nodes, shortest first (none when they are not connected within maxHops).',
  fields: (t) => ({
    from: t.field({ type: EntityRef, resolve: (r) => r.from }),
    to: t.field({ type: EntityRef, resolve: (r) => r.to }),
    length: t.int({
      nullable: true,
      description: 'Hops of the shortest connection; null when none was found.',
      resolve: (r) => r.paths[0]?.hops.length ?? null,
    }),
    paths: t.field({
      type: [PathRef],
      description:
        'Every shortest path, then alternatives, shortest first, up to `first`: an alternative is a shortest path of the graph without one or more nodes of a route before it, so each differs from every other in at least one node. Routes longer than maxHops are not given.',
      resolve: (r) => [...r.paths],
    }),
    shortestCount: t.int({
      description: 'How many of the paths are shortest (the others are alternatives).',
      resolve: (r) => r.paths.filter((p) => p.hops.length === r.paths[0]?.hops.length).length,
    }),
  }),
});

builder.queryField('path', (t) =>
  t.field({
    type: PathResultRef,
    description:
      'How two nodes are connected: the shortest paths between them, then alternative routes, over funding, leadership, delivery, partnership, membership and outcome relationships (a figure’s MEASURES and EVIDENCES links are not counted), each hop with its relationship and evidence.',
    args: {
      from: t.arg.id({ required: true }),
      to: t.arg.id({ required: true }),
      maxHops: t.arg.int({
        required: true,
        defaultValue: 4,
        description: `At most this many hops (1 to ${MAX_HOPS}).`,
      }),
      first: t.arg.int({
        required: true,
        defaultValue: 3,
        description: `At most this many paths (1 to ${MAX_PATHS}): the shortest, then alternatives.`,
      }),
    },
    resolve: async (_root, args, ctx) => {
      if (args.maxHops < 1 || args.maxHops > MAX_HOPS) {
        throw badUserInput(`maxHops must be between 1 and ${MAX_HOPS}, got ${args.maxHops}`);
      }
      if (args.first < 1 || args.first > MAX_PATHS) {
        throw badUserInput(`first must be between 1 and ${MAX_PATHS}, got ${args.first}`);
      }
      const from = await nodeArg(ctx, 'from', String(args.from));
      const to = await nodeArg(ctx, 'to', String(args.to));
      if (from.id === to.id) throw badUserInput('from and to are the same node');
      return { from, to, paths: await shortestPaths(ctx, from, to, args.maxHops, args.first) };
    },
  }),
);
