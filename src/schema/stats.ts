import { EDGE_KINDS, type EdgeKind, NODE_KINDS, type NodeKind } from '../model/graph-model.js';
import { builder } from './builder.js';
import { EntityType } from './entity-type.js';
import { RelationshipKind } from './relationship-kind.js';

interface KindCount<K> {
  readonly kind: K;
  readonly count: number;
}

const NodeCountRef = builder.objectRef<KindCount<NodeKind>>('NodeCount').implement({
  fields: (t) => ({
    kind: t.field({ type: EntityType, resolve: (c) => c.kind }),
    count: t.exposeInt('count'),
  }),
});

const RelationshipCountRef = builder.objectRef<KindCount<EdgeKind>>('RelationshipCount').implement({
  fields: (t) => ({
    kind: t.field({ type: RelationshipKind, resolve: (c) => c.kind }),
    count: t.exposeInt('count'),
  }),
});

interface StatsShape {
  readonly nodes: KindCount<NodeKind>[];
  readonly relationships: KindCount<EdgeKind>[];
  readonly seedHash: string | null;
  readonly loadedAt: string | null;
}

const StatsRef = builder.objectRef<StatsShape>('Stats').implement({
  description: 'What the graph holds.',
  fields: (t) => ({
    nodes: t.field({ type: [NodeCountRef], description: 'Nodes per kind.', resolve: (s) => s.nodes }),
    relationships: t.field({
      type: [RelationshipCountRef],
      description: 'Relationships per kind.',
      resolve: (s) => s.relationships,
    }),
    nodeTotal: t.int({ resolve: (s) => s.nodes.reduce((sum, c) => sum + c.count, 0) }),
    relationshipTotal: t.int({ resolve: (s) => s.relationships.reduce((sum, c) => sum + c.count, 0) }),
    seedHash: t.string({
      nullable: true,
      description: 'Hash of the seeds the graph was loaded from.',
      resolve: (s) => s.seedHash,
    }),
    loadedAt: t.string({
      nullable: true,
      description: 'When it was loaded (ISO 8601).',
      resolve: (s) => s.loadedAt,
    }),
  }),
});

builder.queryField('stats', (t) =>
  t.field({
    type: StatsRef,
    description: 'Counts per kind of node and relationship, and the graph version.',
    resolve: async (_root, _args, ctx) => {
      const [nodeCounts, edgeCounts, version] = await Promise.all([
        ctx.loaders.countByKind.loadMany([...NODE_KINDS]),
        ctx.loaders.edgeCountByKind.loadMany([...EDGE_KINDS]),
        ctx.loaders.graphVersion.load('graph'),
      ]);
      const count = (c: number | Error) => (c instanceof Error ? Promise.reject(c) : c);
      return {
        nodes: await Promise.all(
          NODE_KINDS.map(async (kind, i) => ({ kind, count: await count(nodeCounts[i] ?? 0) })),
        ),
        relationships: await Promise.all(
          EDGE_KINDS.map(async (kind, i) => ({ kind, count: await count(edgeCounts[i] ?? 0) })),
        ),
        seedHash: version?.seedHash ?? null,
        loadedAt: version?.loadedAt ?? null,
      };
    },
  }),
);
