import type { Context } from '../context.js';
import type { EdgeKind } from '../model/graph-model.js';
import type { NodeRecord } from '../model/records.js';
import { builder } from './builder.js';
import { EvidenceRef } from './evidence.js';
import { FigureStatus } from './figure-status.js';
import { FundingKind } from './funding-kind.js';
import { FundingLineRole } from './funding-line-role.js';
import { MoneyRef } from './money.js';
import { compareKeys, type PageArgs, pageOf, type SortKey } from './paging.js';
import {
  edgePeriod,
  edgeRole,
  type Related,
  type RelatedFilter,
  type RelatedSpec,
  related,
} from './related.js';
import { amountOf, RelationshipRef } from './relationship.js';
import { Direction, RelationshipKind } from './relationship-kind.js';
import { SortDirection } from './sort-direction.js';

/** The edge object a relationship connection hands to its edge fields. */
interface RelatedEdge {
  readonly cursor: string;
  readonly node: NodeRecord;
  readonly related: Related;
}

const edgeOf = (parent: unknown): Related => (parent as RelatedEdge).related;

export const RelationshipOrderField = builder.enumType('RelationshipOrderField', {
  values: {
    NAME: { value: 'name', description: 'The name of the node at the other end.' },
    KIND: { value: 'kind', description: 'The relationship kind, then the name.' },
    PERIOD: { value: 'period', description: 'The period, then the name.' },
  } as const,
});

export const RelationshipOrder = builder.inputType('RelationshipOrder', {
  fields: (t) => ({
    field: t.field({ type: RelationshipOrderField, required: true }),
    direction: t.field({ type: SortDirection, defaultValue: 'asc' }),
  }),
});

export const FundingOrderField = builder.enumType('FundingOrderField', {
  values: {
    AMOUNT: { value: 'amount', description: 'The amount.' },
    NAME: { value: 'name', description: 'The name of the node at the other end.' },
    PERIOD: { value: 'period', description: 'The period, then the amount.' },
  } as const,
});

export const FundingOrder = builder.inputType('FundingOrder', {
  fields: (t) => ({
    field: t.field({ type: FundingOrderField, required: true }),
    direction: t.field({ type: SortDirection, defaultValue: 'desc' }),
  }),
});

type OrderField = 'name' | 'kind' | 'period' | 'amount';

function sortKey(r: Related, field: OrderField): SortKey {
  const name = r.node.name.toLowerCase();
  switch (field) {
    case 'name':
      return [name, r.edge.id];
    case 'kind':
      return [r.edge.kind, name, r.edge.id];
    case 'period':
      return [edgePeriod(r.edge), name, r.edge.id];
    case 'amount':
      return [amountOf(r.edge)?.value ?? null, name, r.edge.id];
  }
}

/** Sorts relationships and cuts one page of them. */
export function relatedPage(
  rows: readonly Related[],
  args: PageArgs,
  ctx: Context,
  order: { field: OrderField; direction: 'asc' | 'desc' },
) {
  const compare = compareKeys(order.direction === 'desc');
  const keyOf = (r: Related) => sortKey(r, order.field);
  const sorted = [...rows].sort((a, b) => compare(keyOf(a), keyOf(b)));
  return pageOf(sorted, args, ctx.config.paging, keyOf, compare, (r, cursor) => ({
    cursor,
    node: r.node,
    related: r,
  }));
}

type NodeRef = Parameters<typeof builder.connectionObject>[0]['type'];

const roleConnections = new Map<string, ReturnType<typeof makeRoleConnection>>();
const fundingConnections = new Map<string, ReturnType<typeof makeFundingConnection>>();

function makeRoleConnection(type: NodeRef, name: string) {
  return builder.connectionObject(
    { type, name: `${name}RelationshipConnection` },
    {
      name: `${name}RelationshipEdge`,
      description:
        'A relationship seen from one end: the node at the other end, the relationship and its role.',
      fields: (t) => ({
        relationship: t.field({ type: RelationshipRef, resolve: (p) => edgeOf(p).edge }),
        kind: t.field({ type: RelationshipKind, resolve: (p) => edgeOf(p).edge.kind }),
        direction: t.field({
          type: Direction,
          description: 'OUT when the relationship points from the node this field was read on to `node`.',
          resolve: (p) => (edgeOf(p).outgoing ? 'out' : 'in'),
        }),
        role: t.string({
          nullable: true,
          description: 'The role as stated.',
          resolve: (p) => edgeRole(edgeOf(p).edge),
        }),
        period: t.string({ nullable: true, resolve: (p) => edgePeriod(edgeOf(p).edge) }),
        evidence: t.field({ type: [EvidenceRef], resolve: (p) => [...edgeOf(p).edge.evidence] }),
      }),
    },
  );
}

function makeFundingConnection(type: NodeRef, name: string) {
  const str = (p: unknown, key: string) => {
    const value = edgeOf(p).edge.properties[key];
    return typeof value === 'string' ? value : null;
  };
  return builder.connectionObject(
    { type, name: `${name}FundingConnection` },
    {
      name: `${name}FundingEdge`,
      description:
        'A funding line: who funded what, how much, when, of which kind, and where the report says so.',
      fields: (t) => ({
        relationship: t.field({ type: RelationshipRef, resolve: (p) => edgeOf(p).edge }),
        amount: t.field({
          type: MoneyRef,
          resolve: (p) => amountOf(edgeOf(p).edge) ?? { value: 0, currency: 'GBP' },
        }),
        amountText: t.string({
          description: 'The amount as written.',
          resolve: (p) => str(p, 'amountText') ?? '',
        }),
        fundingKind: t.field({
          type: FundingKind,
          resolve: (p) => (str(p, 'fundingKind') ?? 'other') as 'other',
        }),
        period: t.string({ nullable: true, resolve: (p) => str(p, 'period') }),
        qualifier: t.string({ nullable: true, resolve: (p) => str(p, 'qualifier') }),
        status: t.field({
          type: FigureStatus,
          description: 'CONFLICTING when another report of this funding line gives a different amount.',
          resolve: (p) => (str(p, 'status') ?? 'single') as 'single',
        }),
        conflictGroup: t.string({ nullable: true, resolve: (p) => str(p, 'conflictGroup') }),
        lineRole: t.field({
          type: FundingLineRole,
          nullable: true,
          description:
            'TOTAL when the report breaks this line down into shares (sums count the shares), SHARE when it is one.',
          resolve: (p) => str(p, 'lineRole') as 'total' | null,
        }),
        evidence: t.field({ type: [EvidenceRef], resolve: (p) => [...edgeOf(p).edge.evidence] }),
      }),
    },
  );
}

/** The `<Type>RelationshipConnection` of a node type (created once). */
export function roleConnection(type: NodeRef, name: string) {
  let conn = roleConnections.get(name);
  if (!conn) {
    conn = makeRoleConnection(type, name);
    roleConnections.set(name, conn);
  }
  return conn;
}

/** The `<Type>FundingConnection` of a node type (created once). */
export function fundingConnection(type: NodeRef, name: string) {
  let conn = fundingConnections.get(name);
  if (!conn) {
    conn = makeFundingConnection(type, name);
    fundingConnections.set(name, conn);
  }
  return conn;
}

/** Arguments of a relationship field, and how they narrow and order it. */
export interface RelationshipArgs extends PageArgs {
  readonly role?: string | null | undefined;
  readonly period?: string | null | undefined;
  readonly kinds?: readonly EdgeKind[] | null | undefined;
  readonly direction?: 'out' | 'in' | 'both' | null | undefined;
  readonly orderBy?: { readonly field: string; readonly direction?: string | null } | null | undefined;
}

/** Resolves one page of a relationship field of `node`. */
export async function resolveRelationships(
  node: NodeRecord,
  args: RelationshipArgs,
  ctx: Context,
  spec: RelatedSpec,
  defaultOrder: { field: OrderField; direction: 'asc' | 'desc' },
) {
  const filter: RelatedFilter = {
    role: args.role,
    period: args.period,
    kinds: args.kinds,
    direction: args.direction,
  };
  const rows = await related(ctx, node, spec, filter);
  const order = args.orderBy
    ? {
        field: args.orderBy.field as OrderField,
        direction: (args.orderBy.direction ?? defaultOrder.direction) as 'asc' | 'desc',
      }
    : defaultOrder;
  return relatedPage(rows, args, ctx, order);
}
