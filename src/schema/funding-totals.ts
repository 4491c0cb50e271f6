import type { FundingGrouping, FundingTotalRow } from '../store/port.js';
import { builder } from './builder.js';
import { FundingKind } from './funding-kind.js';
import { MoneyRef } from './money.js';
import { EntityRef } from './refs.js';

const FundingGroup = builder.enumType('FundingGroup', {
  values: {
    FUNDER: { value: 'funder', description: 'Per funding organisation.' },
    FUNDED: { value: 'target', description: 'Per funded programme, project or organisation.' },
    KIND: { value: 'kind', description: 'Per funding kind (core, additional, attracted).' },
    PERIOD: { value: 'period', description: 'Per period.' },
  } as const satisfies Record<string, { value: FundingGrouping; description: string }>,
});

interface TotalShape extends FundingTotalRow {
  readonly groupBy: FundingGrouping;
}

const FundingTotalRef = builder.objectRef<TotalShape>('FundingTotal').implement({
  description:
    'Funding summed over one group. A funding line reported with two different amounts counts once: at the lower in total, at the higher in totalHigh.',
  fields: (t) => ({
    key: t.string({ description: 'The node id, funding kind or period grouped on.', resolve: (r) => r.key }),
    node: t.field({
      type: EntityRef,
      nullable: true,
      description: 'The funder or funded node (null when grouped by kind or period).',
      resolve: async (r, _a, ctx) =>
        r.groupBy === 'funder' || r.groupBy === 'target' ? await ctx.loaders.nodeById.load(r.key) : null,
    }),
    total: t.field({ type: MoneyRef, resolve: (r) => ({ value: r.low, currency: r.currency }) }),
    totalHigh: t.field({ type: MoneyRef, resolve: (r) => ({ value: r.high, currency: r.currency }) }),
    hasConflicts: t.boolean({
      description: 'True when some line was reported with different amounts (total and totalHigh differ).',
      resolve: (r) => r.low !== r.high,
    }),
    lines: t.int({
      description: 'Funding lines (a conflicting figure counts once).',
      resolve: (r) => r.lines,
    }),
    relationships: t.int({
      description: 'FUNDS relationships (every figure counted).',
      resolve: (r) => r.edges,
    }),
    counterparts: t.int({
      description: 'Funder: how many things it funds. Otherwise: how many funders.',
      resolve: (r) => r.counterparts,
    }),
  }),
});

builder.queryField('fundingTotals', (t) =>
  t.field({
    type: [FundingTotalRef],
    description: 'Funding totals grouped by funder, funded node, funding kind or period: largest first.',
    args: {
      groupBy: t.arg({ type: FundingGroup, required: true }),
      period: t.arg.string({ description: 'Only funding of this period (2019/20, ...).' }),
      fundingKind: t.arg({ type: FundingKind }),
    },
    resolve: async (_root, args, ctx) => {
      const rows = await ctx.loaders.fundingTotals.load({
        groupBy: args.groupBy,
        period: args.period ?? null,
        fundingKind: args.fundingKind ?? null,
      });
      return rows
        .map((r) => ({ ...r, groupBy: args.groupBy }))
        .sort((a, b) => b.low - a.low || a.key.localeCompare(b.key));
    },
  }),
);
