import { AWARD_RESULTS } from '../model/graph-model.js';
import { builder } from './builder.js';
import { EntityRef } from './entity.js';
import { nodeKindRef, numberProp, stringProp } from './node-kind.js';
import { nodeList } from './node-list.js';
import { related } from './related.js';
import { relationshipField } from './relationship-fields.js';

type Result = (typeof AWARD_RESULTS)[number];

export const AwardResult = builder.enumType('AwardResult', {
  values: Object.fromEntries(AWARD_RESULTS.map((value) => [value.toUpperCase(), { value }])) as Record<
    Uppercase<Result>,
    { value: Result }
  >,
});

export const AwardRef = nodeKindRef(
  'Award',
  'An award, with its year, category and the result for its recipient.',
);

builder.objectFields(AwardRef, (t) => ({
  year: t.int({
    nullable: true,
    description: 'Year of the award, when the reports give it.',
    resolve: (n) => numberProp(n, 'year'),
  }),
  category: t.string({ nullable: true, resolve: (n) => stringProp(n, 'category') }),
  result: t.field({
    type: AwardResult,
    description: 'Won, highly commended, shortlisted, ...',
    resolve: (n) => (stringProp(n, 'result') ?? 'won') as Result,
  }),
  winner: t.field({
    type: EntityRef,
    nullable: true,
    description: 'Who received it (the first, by name, when several did).',
    resolve: async (n, _a, ctx) => {
      const rows = await related(ctx, n, { kinds: ['WON'], direction: 'in' });
      return rows.map((r) => r.node).sort((a, b) => a.name.localeCompare(b.name))[0] ?? null;
    },
  }),
  winners: relationshipField(t, {
    type: EntityRef,
    typeName: 'Entity',
    spec: { kinds: ['WON'], direction: 'in' },
    description: 'Every project, programme, organisation or person that received it.',
  }),
}));

builder.queryField('awards', (t) =>
  t.connection({
    type: AwardRef,
    description: 'Awards, by year (newest first) then name.',
    args: { year: t.arg.int(), result: t.arg({ type: AwardResult }) },
    resolve: (_root, args, ctx) =>
      nodeList(ctx, 'Award', args, {
        keep: (n) =>
          (args.year == null || numberProp(n, 'year') === args.year) &&
          (!args.result || stringProp(n, 'result') === args.result),
        orderValue: (n) => numberProp(n, 'year'),
        descending: true,
      }),
  }),
);
