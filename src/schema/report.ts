import { NODE_KINDS, type NodeKind } from '../model/graph-model.js';
import type { Evidence } from '../model/records.js';
import { builder } from './builder.js';
import { EntityRef } from './entity.js';
import { EntityType } from './entity-type.js';
import { EvidenceRef } from './evidence.js';
import { nodeKindRef, stringProp } from './node-kind.js';
import { nodeList } from './node-list.js';
import { compareKeys, pageOf } from './paging.js';

export const ReportRef = nodeKindRef('Report', 'One of the five HLP reports the graph is built from.');

builder.objectFields(ReportRef, (t) => ({
  source: t.string({
    description: 'Its file name under shared/sources.',
    resolve: (n) => stringProp(n, 'source') ?? '',
  }),
  period: t.string({
    nullable: true,
    description: 'The period it covers.',
    resolve: (n) => stringProp(n, 'period'),
  }),
  published: t.string({ nullable: true, resolve: (n) => stringProp(n, 'published') }),
  entities: t.connection({
    type: EntityRef,
    description: 'Every node this report is evidence for, by name.',
    args: { kinds: t.arg({ type: [EntityType], description: 'Only nodes of these kinds.' }) },
    resolve: async (report, args, ctx) => {
      const source = stringProp(report, 'source');
      const kinds = (args.kinds?.length ? args.kinds : NODE_KINDS) as readonly NodeKind[];
      const all = (await ctx.loaders.nodesByKind.loadMany([...kinds])).flatMap((list) =>
        list instanceof Error ? [] : list,
      );
      const cited = all.filter((n) => n.evidence.some((e) => e.source === source));
      const keyOf = (n: (typeof cited)[number]) => [n.name.toLowerCase(), n.id] as const;
      const compare = compareKeys();
      cited.sort((a, b) => compare(keyOf(a), keyOf(b)));
      return pageOf(cited, args, ctx.config.paging, keyOf, compare, (node, cursor) => ({ cursor, node }));
    },
  }),
}));

builder.objectField(EvidenceRef, 'report', (t) =>
  t.field({
    type: ReportRef,
    nullable: true,
    description: 'The report itself.',
    resolve: async (e: Evidence, _args, ctx) =>
      (await ctx.loaders.nodesByKind.load('Report')).find((r) => stringProp(r, 'source') === e.source) ??
      null,
  }),
);

builder.queryField('reports', (t) =>
  t.connection({
    type: ReportRef,
    description: 'The five source reports.',
    resolve: (_root, args, ctx) => nodeList(ctx, 'Report', args),
  }),
);
