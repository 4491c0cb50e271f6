import { badUserInput } from '../request/errors.js';
import {
  type CoFundedOutcome,
  coFundedOutcomes,
  fundingOfOutcome,
  type OutcomeFunder,
} from '../services/co-funding.js';
import { builder } from './builder.js';
import { nodeArg } from './ids.js';
import { MoneyRef } from './money.js';
import { EntityRef, OrganisationRef, OutcomeRef, RelationshipRef } from './refs.js';
import { nodeOf, nodesOf } from './related.js';

const OutcomeFunderRef = builder.objectRef<OutcomeFunder>('OutcomeFunder').implement({
  description: 'One funder of an outcome, with each of its funding lines that reach it.',
  fields: (t) => ({
    organisation: t.field({
      type: OrganisationRef,
      resolve: (f, _a, ctx) => nodeOf(ctx, f.organisation),
    }),
    amount: t.field({
      type: MoneyRef,
      description: 'Its funding lines summed (a conflicting figure counts once, at the lower value).',
      resolve: (f) => ({ value: f.amount, currency: 'GBP' }),
    }),
    lines: t.field({
      type: [RelationshipRef],
      description:
        'Its FUNDS relationships: amount, period, kind, the programme or project funded, evidence.',
      resolve: (f) => [...f.lines],
    }),
  }),
});

export const CoFundedOutcomeRef = builder.objectRef<CoFundedOutcome>('CoFundedOutcome').implement({
  description:
    'An outcome and the partners whose funding reaches it: funding goes to a programme or project, which (or one of whose projects) aims at the outcome.',
  fields: (t) => ({
    outcome: t.field({
      type: OutcomeRef,
      resolve: (c, _a, ctx) => nodeOf(ctx, c.outcome),
    }),
    via: t.field({
      type: [EntityRef],
      description: 'The programmes and projects the money went to.',
      resolve: (c, _a, ctx) => nodesOf(ctx, c.via),
    }),
    contributors: t.field({
      type: [EntityRef],
      description: 'The programmes and projects that aim at (or achieved) the outcome.',
      resolve: (c, _a, ctx) => nodesOf(ctx, c.contributors),
    }),
    funders: t.field({
      type: [OutcomeFunderRef],
      description: 'Largest first.',
      resolve: (c) => [...c.funders],
    }),
    funderCount: t.int({ resolve: (c) => c.funderCount }),
    total: t.field({
      type: MoneyRef,
      description: 'All the funding that reaches it (conflicting figures count once, at the lower value).',
      resolve: (c) => ({ value: c.low, currency: 'GBP' }),
    }),
    totalHigh: t.field({
      type: MoneyRef,
      description:
        'The same, counting conflicting figures at the higher value (equal to total when none conflict).',
      resolve: (c) => ({ value: c.high, currency: 'GBP' }),
    }),
    hasConflicts: t.boolean({ resolve: (c) => c.conflicts }),
  }),
});

builder.queryField('coFunding', (t) =>
  t.field({
    type: [CoFundedOutcomeRef],
    description:
      'Which partners co-funded which outcomes: each outcome with the programmes and projects through which it was funded, every funder with its funding lines (amount, evidence) and the total. Most funders first, then most money, then by name.',
    args: {
      outcome: t.arg.id({ description: 'Only this outcome.' }),
      programme: t.arg.id({ description: 'Only funding that went to this programme or project.' }),
      partner: t.arg.id({
        description: 'Only outcomes this organisation funds (all their funders are listed).',
      }),
      period: t.arg.string({ description: 'Only funding of this period (2019/20, ...).' }),
      minFunders: t.arg.int({
        required: true,
        defaultValue: 2,
        description: 'Only outcomes with at least this many funders (2: co-funded).',
      }),
    },
    resolve: async (_root, args, ctx, info) => {
      if (args.minFunders < 1) throw badUserInput(`minFunders must be at least 1, got ${args.minFunders}`);
      const [outcome, via, partner] = await Promise.all([
        args.outcome ? nodeArg(ctx, 'outcome', String(args.outcome), ['Outcome']) : null,
        args.programme ? nodeArg(ctx, 'programme', String(args.programme), ['Programme', 'Project']) : null,
        args.partner ? nodeArg(ctx, 'partner', String(args.partner), ['Organisation']) : null,
      ]);
      return coFundedOutcomes(ctx, info, {
        outcome,
        via,
        partner,
        period: args.period ?? null,
        minFunders: args.minFunders,
      });
    },
  }),
);

builder.objectField(OutcomeRef, 'funding', (t) =>
  t.field({
    type: CoFundedOutcomeRef,
    nullable: true,
    description: 'The funding that reaches this outcome and who gave it (null when none does).',
    resolve: (outcome, _a, ctx, info) => fundingOfOutcome(ctx, info, outcome),
  }),
);
