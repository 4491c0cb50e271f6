import { AWARD_RESULTS } from '../model/graph-model.js';
import { nodeNumber, nodeString, oneOf } from '../model/properties.js';
import { listConnection } from '../services/node-lists.js';
import { firstRelated } from '../services/relationships.js';
import { builder } from './builder.js';
import { AwardRef, EntityRef } from './refs.js';
import { relationshipField } from './relationship-fields.js';

type Result = (typeof AWARD_RESULTS)[number];

export const AwardResult = builder.enumType('AwardResult', {
  values: Object.fromEntries(AWARD_RESULTS.map((value) => [value.toUpperCase(), { value }])) as Record<
    Uppercase<Result>,
    { value: Result }
  >,
});

builder.objectFields(AwardRef, (t) => ({
  year: t.int({
    nullable: true,
    description: 'Year of the award, when the reports give it.',
    resolve: (n) => nodeNumber(n, 'year'),
  }),
  date: t.string({
    nullable: true,
    description: 'When it was awarded, as precisely as the reports give it (2019, February 2020).',
    resolve: (n) => nodeString(n, 'date'),
  }),
  category: t.string({ nullable: true, resolve: (n) => nodeString(n, 'category') }),
  presentedBy: relationshipField(t, {
    type: EntityRef,
    typeName: 'Entity',
    spec: { kinds: ['PRESENTS'], direction: 'in' },
    description: 'The awarding body: the organisation that presents it.',
  }),
  result: t.field({
    type: AwardResult,
    description: 'Won, highly commended, shortlisted, ...',
    resolve: (n) => oneOf(nodeString(n, 'result'), AWARD_RESULTS) ?? 'won',
  }),
  winner: t.field({
    type: EntityRef,
    nullable: true,
    description: 'Who received it (the first, by name, when several did).',
    resolve: async (n, _a, ctx) =>
      (await firstRelated(ctx, n, { kinds: ['WON'], direction: 'in' }))?.node ?? null,
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
    description: 'Awards, by year (newest first, undated last) then name.',
    args: { year: t.arg.int(), result: t.arg({ type: AwardResult }) },
    resolve: (_root, args, ctx, info) =>
      listConnection(
        ctx,
        info,
        'Award',
        args,
        { year: args.year ?? null, result: args.result ?? null },
        'newest',
        'asc',
      ),
  }),
);
