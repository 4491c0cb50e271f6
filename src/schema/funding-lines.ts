import type { Context } from '../context.js';
import { fundingLineConnection } from '../services/funding-lines.js';
import type { FundingLineFilter, FundingLineSum } from '../store/port.js';
import { builder } from './builder.js';
import { FundingKind } from './funding-kind.js';
import { nodeArg } from './ids.js';
import { MoneyRef, type MoneyShape } from './money.js';
import { RelationshipRef } from './refs.js';

export const FundingLineFilterInput = builder.inputType('FundingLineFilter', {
  description: 'Which funding lines to keep: every filter given must hold.',
  fields: (t) => ({
    funder: t.id({ description: 'Lines given by this organisation (its id or seed id).' }),
    recipient: t.id({
      description: 'Lines to this programme, project or organisation (its id or seed id).',
    }),
    period: t.string({ description: 'Lines of this period (2019/20, 2015 to 2020, ...).' }),
    fundingKind: t.field({ type: FundingKind, description: 'Lines of this kind.' }),
  }),
});

/**
 * Each connection's money, asked of the store once however many of its fields read it, and only
 * when one does (kept beside the connection object, not on it, so its shape stays Pothos').
 */
const sumsOf = new WeakMap<object, () => Promise<readonly FundingLineSum[]>>();

function sums(connection: object): Promise<readonly FundingLineSum[]> {
  const read = sumsOf.get(connection);
  if (!read) throw new Error('a funding line connection without its sums');
  return read();
}

/** The sum in pounds (the reports' currency): lines in another currency are not added to it. */
function pounds(sums: readonly FundingLineSum[], side: 'low' | 'high'): MoneyShape {
  return { value: sums.find((s) => s.currency === 'GBP')?.[side] ?? 0, currency: 'GBP' };
}

async function filterOf(
  ctx: Context,
  filter: {
    readonly funder?: string | null | undefined;
    readonly recipient?: string | null | undefined;
    readonly period?: string | null | undefined;
    readonly fundingKind?: string | null | undefined;
  } | null,
): Promise<FundingLineFilter> {
  const funder = filter?.funder
    ? (await nodeArg(ctx, 'filter.funder', filter.funder, ['Organisation'])).id
    : null;
  const recipient = filter?.recipient
    ? (await nodeArg(ctx, 'filter.recipient', filter.recipient, ['Programme', 'Project', 'Organisation'])).id
    : null;
  return { funder, recipient, period: filter?.period ?? null, fundingKind: filter?.fundingKind ?? null };
}

builder.queryField('fundingLines', (t) =>
  t.connection(
    {
      type: RelationshipRef,
      description:
        'Every funding line (FUNDS relationship) the filter keeps, by line id, with the count and the money summed in the store: `total` counts each sum once (a total the reports break into shares is left to its shares, a joint sum once, conflicting figures at the lowest; `totalHigh` at the highest). What the explorer’s funding page and `/export/funding.csv` list.',
      args: { filter: t.arg({ type: FundingLineFilterInput }) },
      resolve: async (_root, args, ctx) => {
        const filter = await filterOf(ctx, args.filter ?? null);
        const { connection, sums } = await fundingLineConnection(ctx, args, filter);
        sumsOf.set(connection, sums);
        return connection;
      },
    },
    {
      name: 'FundingLineConnection',
      fields: (c) => ({
        total: c.field({
          type: MoneyRef,
          description:
            'The lines’ money in pounds, each sum once: shares, not the totals they break down; a joint sum once; conflicting figures at the lowest.',
          resolve: async (parent) => pounds(await sums(parent), 'low'),
        }),
        totalHigh: c.field({
          type: MoneyRef,
          description: 'As total, with conflicting figures at the highest.',
          resolve: async (parent) => pounds(await sums(parent), 'high'),
        }),
        summedLines: c.int({
          description:
            'How many lines the totals add (lines in pounds): totals left to their shares, each conflict or joint group once.',
          resolve: async (parent) => (await sums(parent)).find((s) => s.currency === 'GBP')?.lines ?? 0,
        }),
      }),
    },
    { name: 'FundingLineEdge', description: 'A funding line.' },
  ),
);
