import { fundingAmountOf } from '../model/funding-lines.js';
import { FIGURE_STATUSES, FUNDING_KINDS, FUNDING_LINE_ROLES } from '../model/graph-model.js';
import { edgeNumber, edgeString, oneOf } from '../model/properties.js';
import { builder } from './builder.js';
import { EvidenceRef, edgeEvidence } from './evidence.js';
import { FigureStatus } from './figure-status.js';
import { FundingKind } from './funding-kind.js';
import { FundingLineRole } from './funding-line-role.js';
import { MoneyRef } from './money.js';
import { periodFields } from './period-fields.js';
import { EntityRef, RelationshipRef } from './refs.js';
import { nodeOf } from './related.js';
import { RelationshipKind } from './relationship-kind.js';

const prop = edgeString;

builder.objectType(RelationshipRef, {
  description:
    'A relationship between two nodes: who funds, leads, delivers or partners on what, who works where, which figure measures what. Funding fields are set on FUNDS relationships only.',
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'from' in value && 'to' in value,
  fields: (t) => ({
    kind: t.field({ type: RelationshipKind, resolve: (e) => e.kind }),
    seedId: t.string({
      description:
        'Its id in the seed files and the JSON export (node(id:) takes it too), to join API results with exports.',
      resolve: (e) => e.id,
    }),
    from: t.field({
      type: EntityRef,
      description: 'The node it starts from.',
      resolve: (e, _args, ctx) => nodeOf(ctx, e.from),
    }),
    to: t.field({
      type: EntityRef,
      description: 'The node it points to.',
      resolve: (e, _args, ctx) => nodeOf(ctx, e.to),
    }),
    role: t.string({
      nullable: true,
      description: 'The role as the reports state it.',
      resolve: (e) => prop(e, 'role'),
    }),
    ...periodFields(t, prop, {
      period:
        'The period it holds or is reported for (2019/20, 2018, March 2020, 2015 to 2020, ...): its report’s when none is stated; null for MEASURES and EVIDENCES (the figure has the period).',
      periodText: 'The period in the report’s words, when they say more (since, by, launched, ...).',
      periodBasis: 'STATED when the report dates it, REPORT when the period is its report’s.',
    }),
    inferred: t.boolean({
      description: 'True when no report states it and it is taken to hold (see inference).',
      resolve: (e) => prop(e, 'inference') !== null,
    }),
    inference: t.string({
      nullable: true,
      description: 'Why an inferred relationship is taken to hold; null when a report states it.',
      resolve: (e) => prop(e, 'inference'),
    }),
    evidence: t.field({
      type: [EvidenceRef],
      description: 'Where the reports state it.',
      resolve: (e, _a, ctx) => edgeEvidence(ctx, e),
    }),
    amount: t.field({
      type: MoneyRef,
      nullable: true,
      description: 'FUNDS: the amount; null when the report names the funding but gives no figure.',
      resolve: fundingAmountOf,
    }),
    amountText: t.string({
      nullable: true,
      description: 'FUNDS: the amount as written in the report.',
      resolve: (e) => prop(e, 'amountText'),
    }),
    fundingKind: t.field({
      type: FundingKind,
      nullable: true,
      description: 'FUNDS: core, additional, attracted, in kind or other.',
      resolve: (e) => oneOf(prop(e, 'fundingKind'), FUNDING_KINDS),
    }),
    qualifier: t.string({
      nullable: true,
      description: 'FUNDS: a qualifier given with the amount (up to, around, ...).',
      resolve: (e) => prop(e, 'qualifier'),
    }),
    figureStatus: t.field({
      type: FigureStatus,
      nullable: true,
      description: 'FUNDS: whether other reports of the same funding line agree or disagree.',
      // AIMS_AT also has a status (aimed, achieved): that is outcomeStatus, not a figure's status.
      resolve: (e) => (e.kind === 'FUNDS' ? oneOf(prop(e, 'status'), FIGURE_STATUSES) : null),
    }),
    conflictGroup: t.string({
      nullable: true,
      description: 'FUNDS: figures for the same funding line share this.',
      resolve: (e) => prop(e, 'conflictGroup'),
    }),
    ordersApart: t.int({
      nullable: true,
      description:
        'FUNDS: powers of ten between the lowest and highest figure of its conflict group (1 or more: an order of magnitude apart).',
      resolve: (e) => (e.kind === 'FUNDS' ? (edgeNumber(e, 'ordersApart') ?? 0) : null),
    }),
    jointGroup: t.string({
      nullable: true,
      description:
        'FUNDS: lines of one sum given jointly by several funders share this (one line per funder, counted once in sums).',
      resolve: (e) => prop(e, 'jointGroup'),
    }),
    lineRole: t.field({
      type: FundingLineRole,
      nullable: true,
      description: 'FUNDS: TOTAL when the report breaks this line down into shares, SHARE when it is one.',
      resolve: (e) => oneOf(prop(e, 'lineRole'), FUNDING_LINE_ROLES),
    }),
    breakdownOf: t.field({
      type: RelationshipRef,
      nullable: true,
      description: 'FUNDS: the line this one is a share of.',
      resolve: async (e, _a, ctx) => {
        const id = prop(e, 'breakdownOf');
        return id ? ctx.loaders.edgeById.load(id) : null;
      },
    }),
    outcomeStatus: t.string({
      nullable: true,
      description: 'AIMS_AT: aimed or achieved.',
      resolve: (e) => (e.kind === 'AIMS_AT' ? prop(e, 'status') : null),
    }),
  }),
});
