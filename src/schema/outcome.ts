import { nodeString } from '../model/properties.js';
import { listConnection } from '../services/node-lists.js';
import { builder } from './builder.js';
import { EntityRef, MetricRef, OutcomeRef } from './refs.js';
import { relationshipField } from './relationship-fields.js';

builder.objectFields(OutcomeRef, (t) => ({
  category: t.string({
    nullable: true,
    description: 'Its area: health, financial, experience, ...',
    resolve: (n) => nodeString(n, 'category'),
  }),
  contributors: relationshipField(t, {
    type: EntityRef,
    typeName: 'Entity',
    spec: { kinds: ['AIMS_AT'], direction: 'in' },
    description:
      'The programmes and projects that aimed at or achieved it (relationship.outcomeStatus says which).',
  }),
  metrics: relationshipField(t, {
    type: MetricRef,
    typeName: 'Metric',
    spec: { kinds: ['EVIDENCES', 'MEASURES'], direction: 'in' },
    description: 'Figures that evidence or measure it.',
  }),
}));

const OutcomeFilter = builder.inputType('OutcomeFilter', {
  fields: (t) => ({
    nameContains: t.string({ description: 'Part of the name or of an alias, any case, accents ignored.' }),
    category: t.string(),
  }),
});

builder.queryField('outcomes', (t) =>
  t.connection({
    type: OutcomeRef,
    description: 'Outcomes, by name.',
    args: { filter: t.arg({ type: OutcomeFilter }) },
    resolve: (_root, args, ctx, info) =>
      listConnection(
        ctx,
        info,
        'Outcome',
        args,
        { nameContains: args.filter?.nameContains ?? null, category: args.filter?.category ?? null },
        'name',
        'asc',
      ),
  }),
);
