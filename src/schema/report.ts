import { NODE_KINDS, type NodeKind } from '../model/graph-model.js';
import { nodeString } from '../model/properties.js';
import type { Evidence } from '../model/records.js';
import { citingConnection, listConnection } from '../services/node-lists.js';
import { builder } from './builder.js';
import { EntityRef } from './entity.js';
import { EntityType } from './entity-type.js';
import { EvidenceRef } from './evidence.js';
import { nodeKindRef } from './node-kind.js';

export const ReportRef = nodeKindRef('Report', 'One of the five HLP reports the graph is built from.');

builder.objectFields(ReportRef, (t) => ({
  source: t.string({
    description: 'Its file name under shared/sources.',
    resolve: (n) => nodeString(n, 'source') ?? '',
  }),
  period: t.string({
    nullable: true,
    description: 'The period it covers.',
    resolve: (n) => nodeString(n, 'period'),
  }),
  published: t.string({ nullable: true, resolve: (n) => nodeString(n, 'published') }),
  entities: t.connection({
    type: EntityRef,
    description: 'Every node this report is evidence for, by name.',
    args: { kinds: t.arg({ type: [EntityType], description: 'Only nodes of these kinds.' }) },
    resolve: (report, args, ctx) =>
      citingConnection(
        ctx,
        nodeString(report, 'source') ?? '',
        (args.kinds?.length ? args.kinds : NODE_KINDS) as readonly NodeKind[],
        args,
      ),
  }),
}));

builder.objectField(EvidenceRef, 'report', (t) =>
  t.field({
    type: ReportRef,
    nullable: true,
    description: 'The report itself.',
    resolve: async (e: Evidence, _args, ctx) => {
      const id = await ctx.loaders.reportBySource.load(e.source);
      return id ? ctx.loaders.nodeById.load(id) : null;
    },
  }),
);

builder.queryField('reports', (t) =>
  t.connection({
    type: ReportRef,
    description: 'The five source reports.',
    resolve: (_root, args, ctx, info) => listConnection(ctx, info, 'Report', args, {}, 'name', 'asc'),
  }),
);
