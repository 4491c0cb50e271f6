import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import type { PageArgs } from '../request/paging.js';
import { listConnection } from '../services/node-lists.js';
import { orderInput } from './order-input.js';

export const WorkOrder = orderInput('WorkOrder', {
  description: 'An order for programmes or projects. DESC is the exact reverse of ASC (names too).',
  fieldsDescription: 'How programmes and projects can be ordered (each then by name).',
  fields: {
    NAME: { value: 'name' },
    PERIOD: {
      value: 'period',
      description: 'The period (unknown periods after every period), then the name.',
    },
    TOTAL_FUNDING: {
      value: 'fundingReceived',
      description: 'Funding received (conflicts at the lower value), then the name.',
    },
    FUNDER_COUNT: { value: 'funderCount', description: 'How many organisations fund it, then the name.' },
  },
  defaultDirection: 'asc',
});

export interface WorkListArgs extends PageArgs {
  readonly filter?:
    | {
        readonly nameContains?: string | null | undefined;
        readonly period?: string | null | undefined;
        readonly minFunders?: number | null | undefined;
        readonly kinds?: readonly string[] | null | undefined;
      }
    | null
    | undefined;
  readonly orderBy?:
    | {
        readonly field: 'name' | 'period' | 'fundingReceived' | 'funderCount';
        readonly direction?: 'asc' | 'desc' | null | undefined;
      }
    | null
    | undefined;
}

/** The root list of programmes or projects, with funding-aware filters and orders. */
export function workList(
  ctx: Context,
  info: GraphQLResolveInfo,
  kind: 'Programme' | 'Project',
  args: WorkListArgs,
) {
  const filter = args.filter ?? {};
  return listConnection(
    ctx,
    info,
    kind,
    args,
    {
      nameContains: filter.nameContains ?? null,
      period: filter.period ?? null,
      minFunders: filter.minFunders ?? null,
      ...(kind === 'Project' ? { categories: filter.kinds ?? null } : {}),
    },
    args.orderBy?.field ?? 'name',
    args.orderBy?.direction ?? 'asc',
  );
}
