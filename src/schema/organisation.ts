import { sumFundingLines } from '../model/funding-lines.js';
import { ORGANISATION_CATEGORIES } from '../model/graph-model.js';
import type { EdgeRecord, NodeRecord } from '../model/records.js';
import { coFundedOutcomesByFunder, fundingTotalsByNode } from './aggregates.js';
import { AwardRef } from './award.js';
import { builder } from './builder.js';
import { EntityRef } from './entity.js';
import { MetricRef } from './metric.js';
import { MoneyRef } from './money.js';
import { nodeKindRef, stringProp } from './node-kind.js';
import { nodeList } from './node-list.js';
import { PersonRef } from './person.js';
import { nodeOf, nodesOf } from './related.js';
import { RelationshipRef } from './relationship.js';
import { fundingField, relationshipField } from './relationship-fields.js';
import { SortDirection } from './sort-direction.js';

type Category = (typeof ORGANISATION_CATEGORIES)[number];

export const OrganisationKind = builder.enumType('OrganisationKind', {
  description: 'What sort of body an organisation is.',
  values: Object.fromEntries(
    ORGANISATION_CATEGORIES.map((value) => [value.toUpperCase(), { value }]),
  ) as Record<Uppercase<Category>, { value: Category }>,
});

/** A partner: NHS body, CCG, trust, council, the Mayor, charity, company, network, ... */
export const OrganisationRef = nodeKindRef(
  'Organisation',
  'A partner named in the reports: an NHS body, council, London-wide body, charity, company or network.',
);

interface SharedFunding {
  readonly via: string;
  readonly mine: string;
  readonly theirs: string;
}

interface CoFunderShape {
  readonly organisation: string;
  /** One entry per thing both fund. */
  readonly shared: readonly SharedFunding[];
  readonly mine: number;
  readonly theirs: number;
}

const SharedFundingRef = builder.objectRef<SharedFunding>('SharedFunding').implement({
  description: 'A programme, project or organisation two funders both fund, with each one’s funding line.',
  fields: (t) => ({
    node: t.field({
      type: EntityRef,
      description: 'What both fund.',
      resolve: (s, _a, ctx) => nodeOf(ctx, s.via),
    }),
    mine: t.field({
      type: RelationshipRef,
      description: 'This organisation’s funding of it.',
      resolve: async (s, _a, ctx) => (await ctx.loaders.edgeById.load(s.mine)) as never,
    }),
    theirs: t.field({
      type: RelationshipRef,
      description: 'The co-funder’s funding of it.',
      resolve: async (s, _a, ctx) => (await ctx.loaders.edgeById.load(s.theirs)) as never,
    }),
  }),
});

const CoFunderRef = builder.objectRef<CoFunderShape>('CoFunder').implement({
  description: 'Another organisation that funds some of the same programmes, projects or organisations.',
  fields: (t) => ({
    organisation: t.field({
      type: OrganisationRef,
      resolve: (c, _a, ctx) => nodeOf(ctx, c.organisation),
    }),
    shared: t.field({ type: [SharedFundingRef], resolve: (c) => [...c.shared] }),
    sharedCount: t.int({
      description: 'How many things both fund.',
      resolve: (c) => new Set(c.shared.map((s) => s.via)).size,
    }),
    myAmount: t.field({
      type: MoneyRef,
      description:
        'This organisation’s funding of the shared things (every line, conflicting figures included).',
      resolve: (c) => ({ value: c.mine, currency: 'GBP' }),
    }),
    theirAmount: t.field({
      type: MoneyRef,
      description:
        'The co-funder’s funding of the shared things (a line reported twice counts once, at the lower value).',
      resolve: (c) => ({ value: c.theirs, currency: 'GBP' }),
    }),
  }),
});

builder.objectFields(OrganisationRef, (t) => ({
  kind: t.field({
    type: OrganisationKind,
    description: 'What sort of body it is.',
    resolve: (node) => (stringProp(node, 'category') ?? 'other') as Category,
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
    spec: { kinds: ['WORKS_FOR', 'CHAIRS', 'LEADS', 'COMMENTED_ON'], direction: 'in' },
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
  metrics: relationshipField(t, {
    type: MetricRef,
    typeName: 'Metric',
    spec: { kinds: ['MEASURES'], direction: 'in' },
    description: 'Figures reported for it.',
  }),
  coFunders: t.field({
    type: [CoFunderRef],
    description:
      'Partners that fund the same programmes, projects or organisations, with the shared funding: most shared first. Funding of the period given, when one is.',
    args: { period: t.arg.string({ description: 'Only funding of this period.' }) },
    resolve: async (node, args, ctx) => {
      const inPeriod = (e: EdgeRecord) => !args.period || e.properties['period'] === args.period;
      const rows = (await ctx.loaders.coFundersOf.load(node.id)).filter(
        (r) => inPeriod(r.mine) && inPeriod(r.theirs),
      );
      const byFunder = new Map<
        string,
        { shared: Map<string, SharedFunding>; mine: Map<string, EdgeRecord>; theirs: Map<string, EdgeRecord> }
      >();
      for (const r of rows) {
        const entry = byFunder.get(r.coFunder) ?? { shared: new Map(), mine: new Map(), theirs: new Map() };
        // One entry per thing both fund; every funding line of each side, each counted once.
        if (!entry.shared.has(r.via))
          entry.shared.set(r.via, { via: r.via, mine: r.mine.id, theirs: r.theirs.id });
        entry.mine.set(r.mine.id, r.mine);
        entry.theirs.set(r.theirs.id, r.theirs);
        byFunder.set(r.coFunder, entry);
      }
      const names = new Map((await nodesOf(ctx, [...byFunder.keys()])).map((n) => [n.id, n.name]));
      return [...byFunder.entries()]
        .map(([organisation, e]) => ({
          organisation,
          shared: [...e.shared.values()],
          mine: sumFundingLines([...e.mine.values()]).low,
          theirs: sumFundingLines([...e.theirs.values()]).low,
        }))
        .sort(
          (a, b) =>
            b.shared.length - a.shared.length ||
            (names.get(a.organisation) ?? '').localeCompare(names.get(b.organisation) ?? ''),
        );
    },
  }),
  totalFundingGiven: t.field({
    type: MoneyRef,
    description:
      'All the funding it gives (a figure reported differently in two places counts once, at the lower value).',
    args: { period: t.arg.string() },
    resolve: async (node, args, ctx) => ({
      value: (await fundingTotalsByNode(ctx, 'funder', args.period)).get(node.id)?.low ?? 0,
      currency: 'GBP',
    }),
  }),
}));

const OrganisationOrderField = builder.enumType('OrganisationOrderField', {
  values: {
    NAME: { value: 'name' },
    TOTAL_FUNDING_GIVEN: {
      value: 'totalFundingGiven',
      description: 'Funding given, all periods (conflicts at the lower value).',
    },
    FUNDED_COUNT: {
      value: 'fundedCount',
      description: 'How many programmes, projects and organisations it funds.',
    },
    CO_FUNDED_OUTCOMES: {
      value: 'coFundedOutcomes',
      description: 'How many outcomes it co-funded with others.',
    },
  } as const,
});

const OrganisationOrder = builder.inputType('OrganisationOrder', {
  fields: (t) => ({
    field: t.field({ type: OrganisationOrderField, required: true }),
    direction: t.field({ type: SortDirection, defaultValue: 'asc' }),
  }),
});

const OrganisationFilter = builder.inputType('OrganisationFilter', {
  fields: (t) => ({
    nameContains: t.string({ description: 'Part of the name or of an alias, any case.' }),
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
    resolve: async (_root, args, ctx) => {
      const filter = args.filter ?? {};
      const field = args.orderBy?.field ?? 'name';
      const needFunding =
        field === 'totalFundingGiven' || field === 'fundedCount' || filter.minFunded != null;
      const needCoFunding = field === 'coFundedOutcomes' || filter.minCoFundedOutcomes != null;
      const funding = needFunding ? await fundingTotalsByNode(ctx, 'funder') : new Map();
      const coFunded = needCoFunding ? await coFundedOutcomesByFunder(ctx) : new Map<string, Set<string>>();
      const value = (n: NodeRecord): number | null => {
        if (field === 'totalFundingGiven') return funding.get(n.id)?.low ?? 0;
        if (field === 'fundedCount') return funding.get(n.id)?.counterparts ?? 0;
        if (field === 'coFundedOutcomes') return coFunded.get(n.id)?.size ?? 0;
        return null;
      };
      return nodeList(ctx, 'Organisation', args, {
        nameContains: filter.nameContains,
        keep: (n) =>
          (!filter.kinds?.length ||
            filter.kinds.includes((stringProp(n, 'category') ?? 'other') as Category)) &&
          (filter.minFunded == null || (funding.get(n.id)?.counterparts ?? 0) >= filter.minFunded) &&
          (filter.minCoFundedOutcomes == null ||
            (coFunded.get(n.id)?.size ?? 0) >= filter.minCoFundedOutcomes),
        ...(field === 'name' ? {} : { orderValue: value }),
        descending: args.orderBy?.direction === 'desc',
      });
    },
  }),
);
