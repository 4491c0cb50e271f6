import type { FIGURE_STATUSES } from '../model/graph-model.js';
import type { NodeRecord } from '../model/records.js';
import { builder } from './builder.js';
import { EntityRef } from './entity.js';
import { FigureStatus } from './figure-status.js';
import { nodeKindRef, numberProp, stringProp } from './node-kind.js';
import { nodeList } from './node-list.js';
import { OutcomeRef } from './outcome.js';
import { related } from './related.js';
import { relationshipField } from './relationship-fields.js';
import { SortDirection } from './sort-direction.js';

type Status = (typeof FIGURE_STATUSES)[number];

export const MetricRef = nodeKindRef(
  'Metric',
  'A reported figure: people reached, savings, downloads, reductions, estimated impacts, funding totals ...',
);

builder.objectFields(MetricRef, (t) => ({
  value: t.float({ description: 'The figure, in its unit.', resolve: (n) => numberProp(n, 'value') ?? 0 }),
  unit: t.string({
    description: 'GBP, people, percent, downloads, ...',
    resolve: (n) => stringProp(n, 'unit') ?? '',
  }),
  valueText: t.string({
    description: 'The figure as written in the report.',
    resolve: (n) => stringProp(n, 'valueText') ?? '',
  }),
  qualifier: t.string({
    nullable: true,
    description: 'The qualifier exactly as given: over, almost, around, up to, estimated, ...',
    resolve: (n) => stringProp(n, 'qualifier'),
  }),
  measure: t.string({
    description: 'What the figure measures.',
    resolve: (n) => stringProp(n, 'measure') ?? '',
  }),
  period: t.string({
    nullable: true,
    description: 'The period it covers.',
    resolve: (n) => stringProp(n, 'period'),
  }),
  status: t.field({
    type: FigureStatus,
    description: 'CONFLICTING when another figure for the same thing disagrees; both are kept.',
    resolve: (n) => (stringProp(n, 'status') ?? 'single') as Status,
  }),
  conflictGroup: t.string({ nullable: true, resolve: (n) => stringProp(n, 'conflictGroup') }),
  conflictsWith: t.field({
    type: [MetricRef],
    description:
      'The other figures reported for the same thing (same conflict group), each with its evidence.',
    resolve: async (n, _a, ctx) => {
      const group = stringProp(n, 'conflictGroup');
      if (!group) return [];
      return (await ctx.loaders.nodesByKind.load('Metric')).filter(
        (m) => m.id !== n.id && stringProp(m, 'conflictGroup') === group,
      );
    },
  }),
  subject: t.field({
    type: EntityRef,
    nullable: true,
    description: 'What the figure is reported for (the first by name, when several).',
    resolve: async (n, _a, ctx) =>
      (await related(ctx, n, { kinds: ['MEASURES'], direction: 'out' }))
        .map((r) => r.node)
        .sort((a, b) => a.name.localeCompare(b.name))[0] ?? null,
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
    nameContains: t.string({ description: 'Part of the name, any case.' }),
    measureContains: t.string({ description: 'Part of what it measures, any case.' }),
    unit: t.string(),
    period: t.string(),
    status: t.field({
      type: FigureStatus,
      description: 'CONFLICTING lists every figure that disagrees with another.',
    }),
  }),
});

const MetricOrderField = builder.enumType('MetricOrderField', {
  values: { NAME: { value: 'name' }, VALUE: { value: 'value' } } as const,
});

const MetricOrder = builder.inputType('MetricOrder', {
  fields: (t) => ({
    field: t.field({ type: MetricOrderField, required: true }),
    direction: t.field({ type: SortDirection, defaultValue: 'asc' }),
  }),
});

function keep(filter: {
  measureContains?: string | null | undefined;
  unit?: string | null | undefined;
  period?: string | null | undefined;
  status?: Status | null | undefined;
}) {
  return (n: NodeRecord) =>
    (!filter.measureContains ||
      (stringProp(n, 'measure') ?? '').toLowerCase().includes(filter.measureContains.toLowerCase())) &&
    (!filter.unit || stringProp(n, 'unit') === filter.unit) &&
    (!filter.period || stringProp(n, 'period') === filter.period) &&
    (!filter.status || stringProp(n, 'status') === filter.status);
}

builder.queryField('metrics', (t) =>
  t.connection({
    type: MetricRef,
    description: 'Reported figures, filtered and ordered (by name unless asked otherwise).',
    args: { filter: t.arg({ type: MetricFilter }), orderBy: t.arg({ type: MetricOrder }) },
    resolve: (_root, args, ctx) =>
      nodeList(ctx, 'Metric', args, {
        nameContains: args.filter?.nameContains,
        keep: keep(args.filter ?? {}),
        ...(args.orderBy?.field === 'value' ? { orderValue: (n: NodeRecord) => numberProp(n, 'value') } : {}),
        descending: args.orderBy?.direction === 'desc',
      }),
  }),
);
