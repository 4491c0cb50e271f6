import { ORGANISATION_CATEGORIES } from '../model/graph-model.js';
import { nodeNumber, nodeString, oneOf } from '../model/properties.js';
import { coFundersOf } from '../services/co-funders.js';
import { listConnection } from '../services/node-lists.js';
import { builder } from './builder.js';
import { CoFunderRef } from './co-funder.js';
import { earlyRead } from './early-reads.js';
import { MoneyRef } from './money.js';
import { orderInput } from './order-input.js';
import { AwardRef, EntityRef, MetricRef, OrganisationRef, PersonRef, PlaceRef } from './refs.js';
import { fundingField, relationshipField } from './relationship-fields.js';

type Category = (typeof ORGANISATION_CATEGORIES)[number];

export const OrganisationKind = builder.enumType('OrganisationKind', {
  description: 'What sort of body an organisation is.',
  values: Object.fromEntries(
    ORGANISATION_CATEGORIES.map((value) => [value.toUpperCase(), { value }]),
  ) as Record<Uppercase<Category>, { value: Category }>,
});

builder.objectFields(OrganisationRef, (t) => ({
  kind: t.field({
    type: OrganisationKind,
    description: 'What sort of body it is.',
    resolve: (node) => oneOf(nodeString(node, 'category'), ORGANISATION_CATEGORIES) ?? 'other',
  }),
  funded: fundingField(t, {
    type: EntityRef,
    typeName: 'Entity',
    direction: 'out',
    description:
      'What it funds: programmes, projects and organisations, each funding line with its evidence.',
  }),
  fundedBy: fundingField(t, {
    type: OrganisationRef,
    typeName: 'Organisation',
    direction: 'in',
    description: 'Who funds it.',
  }),
  roles: relationshipField(t, {
    type: EntityRef,
    typeName: 'Entity',
    spec: { kinds: ['LEADS', 'DELIVERS', 'PARTNERS_WITH'], direction: 'out' },
    open: true,
    description:
      'The programmes, projects and organisations it leads, delivers or partners on, with its role.',
  }),
  partners: relationshipField(t, {
    type: OrganisationRef,
    typeName: 'Organisation',
    spec: { kinds: ['PARTNERS_WITH', 'LEADS', 'DELIVERS'], direction: 'in', otherKinds: ['Organisation'] },
    description: 'Organisations that partner with, lead or deliver for it.',
  }),
  people: relationshipField(t, {
    type: PersonRef,
    typeName: 'Person',
    spec: {
      kinds: ['WORKS_FOR', 'CHAIRS', 'LEADS', 'COMMENTED_ON'],
      direction: 'in',
      otherKinds: ['Person'],
    },
    description: 'People who work for, chair, lead or commented on it, with their role.',
  }),
  memberOf: relationshipField(t, {
    type: OrganisationRef,
    typeName: 'Organisation',
    spec: { kinds: ['PART_OF'], direction: 'out' },
    description: 'Organisations it is part of.',
  }),
  members: relationshipField(t, {
    type: OrganisationRef,
    typeName: 'Organisation',
    spec: { kinds: ['PART_OF'], direction: 'in' },
    description: 'Organisations that are part of it.',
  }),
  awards: relationshipField(t, {
    type: AwardRef,
    typeName: 'Award',
    spec: { kinds: ['WON'], direction: 'out' },
    description: 'Awards it received.',
  }),
  awardsPresented: relationshipField(t, {
    type: AwardRef,
    typeName: 'Award',
    spec: { kinds: ['PRESENTS'], direction: 'out' },
    description: 'Awards it presents (as the awarding body).',
  }),
  covers: relationshipField(t, {
    type: PlaceRef,
    typeName: 'Place',
    spec: { kinds: ['COVERS'], direction: 'out' },
    description: 'The places it serves (a CCG or council its borough, an STP its footprint).',
  }),
  metrics: relationshipField(t, {
    type: MetricRef,
    typeName: 'Metric',
    spec: { kinds: ['MEASURES'], direction: 'in' },
    description: 'Figures reported for it.',
  }),
  coFunders: t.field({
    type: [CoFunderRef],
    description:
      'Partners that fund the same programmes, projects or organisations, with the shared funding: most shared first, then by name. Funding of the period given, when one is.',
    args: { period: t.arg.string({ description: 'Only funding of this period.' }) },
    extensions: earlyRead((id, args, ctx, info) =>
      coFundersOf(ctx, info, { id }, typeof args['period'] === 'string' ? args['period'] : null),
    ),
    resolve: (node, args, ctx, info) => coFundersOf(ctx, info, node, args.period ?? null),
  }),
  totalFundingGiven: t.field({
    type: MoneyRef,
    description:
      'All the funding it gives (a figure reported differently in two places counts once, at the lower value).',
    args: { period: t.arg.string() },
    resolve: async (node, args, ctx) => ({
      // Every period's total is stored at load; a period's is summed by the store when asked.
      value: args.period
        ? ((await ctx.loaders.fundingOf({ side: 'funder', period: args.period }).load(node.id))?.low ?? 0)
        : (nodeNumber(node, 'fundingGiven') ?? 0),
      currency: 'GBP',
    }),
  }),
}));

const OrganisationOrder = orderInput('OrganisationOrder', {
  description: 'An order for organisations. DESC is the exact reverse of ASC (names too).',
  fields: {
    NAME: { value: 'name' },
    TOTAL_FUNDING_GIVEN: {
      value: 'fundingGiven',
      description: 'Funding given, all periods (conflicts at the lower value), then the name.',
    },
    FUNDED_COUNT: {
      value: 'fundedCount',
      description: 'How many programmes, projects and organisations it funds, then the name.',
    },
    CO_FUNDED_OUTCOMES: {
      value: 'coFundedOutcomes',
      description: 'How many outcomes it co-funded with others, then the name.',
    },
  },
  defaultDirection: 'asc',
});

const OrganisationFilter = builder.inputType('OrganisationFilter', {
  fields: (t) => ({
    nameContains: t.string({ description: 'Part of the name or of an alias, any case, accents ignored.' }),
    kinds: t.field({ type: [OrganisationKind], description: 'Only organisations of these kinds.' }),
    minFunded: t.int({
      description: 'Only organisations that fund at least this many programmes, projects or organisations.',
    }),
    minCoFundedOutcomes: t.int({
      description: 'Only organisations that co-funded at least this many outcomes.',
    }),
  }),
});

builder.queryField('organisations', (t) =>
  t.connection({
    type: OrganisationRef,
    description: 'Organisations, filtered and ordered (by name unless asked otherwise).',
    args: {
      filter: t.arg({ type: OrganisationFilter }),
      orderBy: t.arg({ type: OrganisationOrder }),
    },
    resolve: (_root, args, ctx, info) =>
      listConnection(
        ctx,
        info,
        'Organisation',
        args,
        {
          nameContains: args.filter?.nameContains ?? null,
          categories: args.filter?.kinds ?? null,
          minFunded: args.filter?.minFunded ?? null,
          minCoFundedOutcomes: args.filter?.minCoFundedOutcomes ?? null,
        },
        args.orderBy?.field ?? 'name',
        args.orderBy?.direction ?? 'asc',
      ),
  }),
);
