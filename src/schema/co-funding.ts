import { amountOf, sumFundingLines } from '../model/funding-lines.js';
import type { EdgeRecord } from '../model/records.js';
import type { CoFundingRow } from '../store/port.js';
import { builder } from './builder.js';
import { EntityRef } from './entity.js';
import { badUserInput } from './errors.js';
import { nodeArg } from './ids.js';
import { MoneyRef } from './money.js';
import { OrganisationRef } from './organisation.js';
import { OutcomeRef } from './outcome.js';
import { nodeOf, nodesOf } from './related.js';
import { RelationshipRef } from './relationship.js';

interface FunderShape {
  readonly organisation: string;
  readonly lines: readonly EdgeRecord[];
}

interface CoFundedShape {
  readonly outcome: string;
  readonly via: readonly string[];
  readonly contributors: readonly string[];
  readonly funders: readonly FunderShape[];
  readonly low: number;
  readonly high: number;
  readonly conflicts: boolean;
}

/** Sums funding lines the one way every sum in the service does (see model/funding-lines.ts). */
export function sumLines(lines: readonly EdgeRecord[]): { low: number; high: number; conflicts: boolean } {
  const { low, high, conflicts } = sumFundingLines(lines);
  return { low, high, conflicts };
}

/** Groups co-funding rows into one answer per outcome. */
function group(rows: readonly CoFundingRow[]): CoFundedShape[] {
  const byOutcome = new Map<string, CoFundingRow[]>();
  for (const r of rows) byOutcome.set(r.outcome, [...(byOutcome.get(r.outcome) ?? []), r]);
  return [...byOutcome.entries()].map(([outcome, list]) => {
    // A funding line can reach an outcome twice (the programme and one of its projects both aim at it).
    const lines = [...new Map(list.map((r) => [r.funding.id, r.funding])).values()];
    const funders = new Map<string, EdgeRecord[]>();
    for (const line of lines) funders.set(line.from, [...(funders.get(line.from) ?? []), line]);
    return {
      outcome,
      via: [...new Set(list.map((r) => r.via))].sort(),
      contributors: [...new Set(list.map((r) => r.contributor))].sort(),
      funders: [...funders.entries()]
        .map(([organisation, ls]) => ({ organisation, lines: ls.sort((a, b) => amountOf(b) - amountOf(a)) }))
        .sort(
          (a, b) =>
            sumLines(b.lines).low - sumLines(a.lines).low || a.organisation.localeCompare(b.organisation),
        ),
      ...sumLines(lines),
    };
  });
}

const OutcomeFunderRef = builder.objectRef<FunderShape>('OutcomeFunder').implement({
  description: 'One funder of an outcome, with each of its funding lines that reach it.',
  fields: (t) => ({
    organisation: t.field({
      type: OrganisationRef,
      resolve: (f, _a, ctx) => nodeOf(ctx, f.organisation),
    }),
    amount: t.field({
      type: MoneyRef,
      description: 'Its funding lines summed (a conflicting figure counts once, at the lower value).',
      resolve: (f) => ({ value: sumLines(f.lines).low, currency: 'GBP' }),
    }),
    lines: t.field({
      type: [RelationshipRef],
      description:
        'Its FUNDS relationships: amount, period, kind, the programme or project funded, evidence.',
      resolve: (f) => [...f.lines],
    }),
  }),
});

export const CoFundedOutcomeRef = builder.objectRef<CoFundedShape>('CoFundedOutcome').implement({
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
    funderCount: t.int({ resolve: (c) => c.funders.length }),
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
      'Which partners co-funded which outcomes: each outcome with the programmes and projects through which it was funded, every funder with its funding lines (amount, evidence) and the total. Most funders first.',
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
    resolve: async (_root, args, ctx) => {
      if (args.minFunders < 1) throw badUserInput(`minFunders must be at least 1, got ${args.minFunders}`);
      const outcome = args.outcome ? await nodeArg(ctx, 'outcome', String(args.outcome), ['Outcome']) : null;
      const via = args.programme
        ? await nodeArg(ctx, 'programme', String(args.programme), ['Programme', 'Project'])
        : null;
      const partner = args.partner
        ? await nodeArg(ctx, 'partner', String(args.partner), ['Organisation'])
        : null;
      const rows = (await ctx.loaders.coFundingRows.load('all')).filter(
        (r) =>
          (!outcome || r.outcome === outcome.id) &&
          (!via || r.via === via.id || r.contributor === via.id) &&
          (!args.period || r.funding.properties['period'] === args.period),
      );
      const outcomes = group(rows).filter(
        (c) =>
          c.funders.length >= args.minFunders &&
          (!partner || c.funders.some((f) => f.organisation === partner.id)),
      );
      const names = new Map(
        (
          await nodesOf(
            ctx,
            outcomes.map((c) => c.outcome),
          )
        ).map((n) => [n.id, n.name]),
      );
      return outcomes.sort(
        (a, b) =>
          b.funders.length - a.funders.length ||
          b.low - a.low ||
          (names.get(a.outcome) ?? '').localeCompare(names.get(b.outcome) ?? ''),
      );
    },
  }),
);

builder.objectField(OutcomeRef, 'funding', (t) =>
  t.field({
    type: CoFundedOutcomeRef,
    nullable: true,
    description: 'The funding that reaches this outcome and who gave it (null when none does).',
    resolve: async (outcome, _a, ctx) => {
      const rows = (await ctx.loaders.coFundingRows.load('all')).filter((r) => r.outcome === outcome.id);
      return group(rows)[0] ?? null;
    },
  }),
);
