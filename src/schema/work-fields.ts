import { nodeNumber, nodeString } from '../model/properties.js';
import type { NodeView } from '../model/records.js';
import type { builder } from './builder.js';
import { MoneyRef } from './money.js';
import { AwardRef, EntityRef, MetricRef, OrganisationRef, OutcomeRef, PersonRef, PlaceRef } from './refs.js';
import { fundingField, relationshipField } from './relationship-fields.js';

type FieldBuilder = PothosSchemaTypes.ObjectFieldBuilder<typeof builder.$inferSchemaTypes, NodeView>;

/**
 * The relationship fields programmes and projects share: who funds, leads, delivers, partners on
 * and chairs them, what they belong to and contain, what they carried on as, their outcomes,
 * figures and awards, and their funding total.
 */
export function workFields(t: FieldBuilder) {
  return {
    alsoCalled: t.string({
      nullable: true,
      description:
        'The other kind some report calls it (Programme or Project), if one does: it is one node, of the kind the reports use most.',
      resolve: (n) => nodeString(n, 'otherKind'),
    }),
    funders: fundingField(t, {
      type: OrganisationRef,
      typeName: 'Organisation',
      direction: 'in',
      description: 'Who funds it: each funding line with its amount, period, kind and evidence.',
    }),
    leads: relationshipField(t, {
      type: EntityRef,
      typeName: 'Entity',
      spec: { kinds: ['LEADS'], direction: 'in' },
      description: 'Organisations and people that lead it, with their role.',
    }),
    deliverers: relationshipField(t, {
      type: OrganisationRef,
      typeName: 'Organisation',
      spec: { kinds: ['DELIVERS'], direction: 'in' },
      description: 'Organisations that deliver it.',
    }),
    partners: relationshipField(t, {
      type: OrganisationRef,
      typeName: 'Organisation',
      spec: { kinds: ['PARTNERS_WITH'], direction: 'in' },
      description: 'Organisations that partner on it.',
    }),
    chairs: relationshipField(t, {
      type: PersonRef,
      typeName: 'Person',
      spec: { kinds: ['CHAIRS'], direction: 'in' },
      description: 'People who chair it.',
    }),
    commenters: relationshipField(t, {
      type: PersonRef,
      typeName: 'Person',
      spec: { kinds: ['COMMENTED_ON'], direction: 'in' },
      description: 'People the reports quote about it (the quotes themselves are not served).',
    }),
    partOf: relationshipField(t, {
      type: EntityRef,
      typeName: 'Entity',
      spec: { kinds: ['PART_OF'], direction: 'out' },
      description: 'The programmes (or projects) it is part of.',
    }),
    parts: relationshipField(t, {
      type: EntityRef,
      typeName: 'Entity',
      spec: { kinds: ['PART_OF'], direction: 'in' },
      description: 'The projects and programmes that are part of it.',
    }),
    continuesAs: relationshipField(t, {
      type: EntityRef,
      typeName: 'Entity',
      spec: { kinds: ['CONTINUES_AS'], direction: 'out' },
      description: 'What it carried on as in a later report.',
    }),
    continuedFrom: relationshipField(t, {
      type: EntityRef,
      typeName: 'Entity',
      spec: { kinds: ['CONTINUES_AS'], direction: 'in' },
      description: 'What it carries on from in an earlier report.',
    }),
    outcomes: relationshipField(t, {
      type: OutcomeRef,
      typeName: 'Outcome',
      spec: { kinds: ['AIMS_AT'], direction: 'out' },
      description: 'The outcomes it aimed at or achieved (see relationship.outcomeStatus).',
    }),
    metrics: relationshipField(t, {
      type: MetricRef,
      typeName: 'Metric',
      spec: { kinds: ['MEASURES'], direction: 'in' },
      description: 'Figures reported for it.',
    }),
    awards: relationshipField(t, {
      type: AwardRef,
      typeName: 'Award',
      spec: { kinds: ['WON'], direction: 'out' },
      description: 'Awards it received.',
    }),
    places: relationshipField(t, {
      type: PlaceRef,
      typeName: 'Place',
      spec: { kinds: ['RUNS_IN'], direction: 'out' },
      description: 'Where it was done, piloted or rolled out (relationship.role says how).',
    }),
    totalFunding: t.field({
      type: MoneyRef,
      description:
        'All its funding (a figure reported differently in two places counts once, at the lower value).',
      args: { period: t.arg.string() },
      resolve: async (node, args, ctx) => ({
        // Every period's total is stored at load; a period's is summed by the store when asked.
        value: args.period
          ? ((await ctx.loaders.fundingOf({ side: 'target', period: args.period }).load(node.id))?.low ?? 0)
          : (nodeNumber(node, 'fundingReceived') ?? 0),
        currency: 'GBP',
      }),
    }),
    funderCount: t.int({
      description: 'How many organisations fund it.',
      args: { period: t.arg.string() },
      resolve: async (node, args, ctx) =>
        args.period
          ? ((await ctx.loaders.fundingOf({ side: 'target', period: args.period }).load(node.id))
              ?.counterparts ?? 0)
          : (nodeNumber(node, 'funderCount') ?? 0),
    }),
  };
}
