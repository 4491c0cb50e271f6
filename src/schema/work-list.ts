import type { Context } from '../context.js';
import type { NodeKind } from '../model/graph-model.js';
import type { NodeRecord } from '../model/records.js';
import { fundingTotalsByNode } from './aggregates.js';
import { builder } from './builder.js';
import { nodeList } from './node-list.js';
import type { PageArgs } from './paging.js';
import { SortDirection } from './sort-direction.js';

export const WorkOrderField = builder.enumType('WorkOrderField', {
  description: 'How programmes and projects can be ordered.',
  values: {
    NAME: { value: 'name' },
    PERIOD: { value: 'period', description: 'The period, then the name.' },
    TOTAL_FUNDING: { value: 'totalFunding', description: 'Funding received (conflicts at the lower value).' },
    FUNDER_COUNT: { value: 'funderCount', description: 'How many organisations fund it.' },
  } as const,
});

export const WorkOrder = builder.inputType('WorkOrder', {
  fields: (t) => ({
    field: t.field({ type: WorkOrderField, required: true }),
    direction: t.field({ type: SortDirection, defaultValue: 'asc' }),
  }),
});

export interface WorkListArgs extends PageArgs {
  readonly filter?:
    | {
        readonly nameContains?: string | null | undefined;
        readonly period?: string | null | undefined;
        readonly minFunders?: number | null | undefined;
      }
    | null
    | undefined;
  readonly orderBy?:
    | { readonly field: string; readonly direction?: string | null | undefined }
    | null
    | undefined;
}

/** The root list of programmes or projects, with funding-aware filters and orders. */
export async function workList(
  ctx: Context,
  kind: NodeKind,
  args: WorkListArgs,
  keep: (node: NodeRecord) => boolean = () => true,
) {
  const filter = args.filter ?? {};
  const field = args.orderBy?.field ?? 'name';
  const needFunding = field === 'totalFunding' || field === 'funderCount' || filter.minFunders != null;
  const funding = needFunding ? await fundingTotalsByNode(ctx, 'target') : new Map();
  const value = (n: NodeRecord): string | number | null => {
    if (field === 'totalFunding') return funding.get(n.id)?.low ?? 0;
    if (field === 'funderCount') return funding.get(n.id)?.counterparts ?? 0;
    if (field === 'period') return typeof n.properties['period'] === 'string' ? n.properties['period'] : null;
    return null;
  };
  return nodeList(ctx, kind, args, {
    nameContains: filter.nameContains,
    keep: (n) =>
      keep(n) &&
      (!filter.period || n.properties['period'] === filter.period) &&
      (filter.minFunders == null || (funding.get(n.id)?.counterparts ?? 0) >= filter.minFunders),
    ...(field === 'name' ? {} : { orderValue: value }),
    descending: args.orderBy?.direction === 'desc',
  });
}
