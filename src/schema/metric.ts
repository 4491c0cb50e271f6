import { FIGURE_STATUSES } from '../model/graph-model.js';
import { nodeNumber, nodeString, oneOf } from '../model/properties.js';
import { listConnection } from '../services/node-lists.js';
import { firstRelated } from '../services/relationships.js';
import { builder } from './builder.js';
import { FigureStatus } from './figure-status.js';
import { orderInput } from './order-input.js';
import { periodFields } from './period-fields.js';
import { EntityRef, MetricRef, OutcomeRef } from './refs.js';
import { nodesOf } from './related.js';
import { relationshipField } from './relationship-fields.js';

builder.objectFields(MetricRef, (t) => ({
  value: t.float({ description: 'The figure, in its unit.', resolve: (n) => nodeNumber(n, 'value') ?? 0 }),
  unit: t.string({
    description: 'GBP, people, percent, downloads, ...',
    resolve: (n) => nodeString(n, 'unit') ?? '',
  }),
  valueText: t.string({
    description: 'The figure as written in the report.',
    resolve: (n) => nodeString(n, 'valueText') ?? '',
  }),
  qualifier: t.string({
    nullable: true,
    description: 'The qualifier exactly as given: over, almost, around, up to, estimated, ...',
    resolve: (n) => nodeString(n, 'qualifier'),
  }),
  measure: t.string({
    description: 'What the figure measures.',
    resolve: (n) => nodeString(n, 'measure') ?? '',
  }),
  valueHigh: t.float({
    nullable: true,
    description: 'The high end when the figure is a range (value is the low end); null otherwise.',
    resolve: (n) => nodeNumber(n, 'valueHigh'),
  }),
  ...periodFields(t, nodeString, {
    period:
      'The period it covers (2019/20, 2018, March 2020, 2015 to 2020, ...): its report’s when none is stated.',
    periodText: 'The period in the report’s words, when they say more (since, by, target, ...).',
    periodBasis: 'STATED when the report dates the figure, REPORT when the period is its report’s.',
  }),
  status: t.field({
    type: FigureStatus,
    description: 'CONFLICTING when another figure for the same thing disagrees; both are kept.',
    resolve: (n) => oneOf(nodeString(n, 'status'), FIGURE_STATUSES) ?? 'single',
  }),
  conflictGroup: t.string({ nullable: true, resolve: (n) => nodeString(n, 'conflictGroup') }),
  ordersApart: t.int({
    description:
      'Powers of ten between the lowest and highest figure of its conflict group: 1 or more flags figures an order of magnitude apart (one is likely a slip, or counts something else).',
    resolve: (n) => nodeNumber(n, 'ordersApart') ?? 0,
  }),
  conflictsWith: t.field({
    type: [MetricRef],
    description:
      'The other figures reported for the same thing (same conflict group), each with its evidence.',
    resolve: async (n, _a, ctx) => {
      const group = nodeString(n, 'conflictGroup');
      if (!group) return [];
      const ids = await ctx.loaders.metricsInGroup.load(group);
      return nodesOf(
        ctx,
        ids.filter((id) => id !== n.id),
      );
    },
  }),
  subject: t.field({
    type: EntityRef,
    nullable: true,
    description: 'What the figure is reported for (the first by name, when several).',
    resolve: async (n, _a, ctx) =>
      (await firstRelated(ctx, n, { kinds: ['MEASURES'], direction: 'out' }))?.node ?? null,
  }),
  subjects: relationshipField(t, {
    type: EntityRef,
    typeName: 'Entity',
    spec: { kinds: ['MEASURES'], direction: 'out' },
    description: 'Everything the figure is reported for.',
  }),
  evidencedOutcomes: relationshipField(t, {
    type: OutcomeRef,
    typeName: 'Outcome',
    spec: { kinds: ['EVIDENCES'], direction: 'out' },
    description: 'Outcomes this figure evidences.',
  }),
}));

const MetricFilter = builder.inputType('MetricFilter', {
  fields: (t) => ({
    nameContains: t.string({ description: 'Part of the name or of an alias, any case, accents ignored.' }),
    measureContains: t.string({ description: 'Part of what it measures, any case.' }),
    unit: t.string(),
    period: t.string(),
    status: t.field({
      type: FigureStatus,
      description: 'CONFLICTING lists every figure that disagrees with another.',
    }),
  }),
});

const MetricOrder = orderInput('MetricOrder', {
  description: 'An order for figures. DESC is the exact reverse of ASC (names too).',
  fields: {
    NAME: { value: 'name' },
    VALUE: { value: 'value', description: 'The figure, then the name.' },
  },
  defaultDirection: 'asc',
});

builder.queryField('metrics', (t) =>
  t.connection({
    type: MetricRef,
    description: 'Reported figures, filtered and ordered (by name unless asked otherwise).',
    args: { filter: t.arg({ type: MetricFilter }), orderBy: t.arg({ type: MetricOrder }) },
    resolve: (_root, args, ctx, info) =>
      listConnection(
        ctx,
        info,
        'Metric',
        args,
        {
          nameContains: args.filter?.nameContains ?? null,
          measureContains: args.filter?.measureContains ?? null,
          unit: args.filter?.unit ?? null,
          period: args.filter?.period ?? null,
          status: args.filter?.status ?? null,
        },
        args.orderBy?.field ?? 'name',
        args.orderBy?.direction ?? 'asc',
      ),
  }),
);
