import { fundingAmountOf } from '../model/funding-lines.js';
import { FIGURE_STATUSES, FUNDING_KINDS, FUNDING_LINE_ROLES } from '../model/graph-model.js';
import { edgeString, oneOf } from '../model/properties.js';
import { READS_OWN_ROWS } from '../request/core-selection.js';
import type { Related, RelatedEdge } from '../services/relationships.js';
import { builder } from './builder.js';
import { EvidenceRef, edgeEvidence } from './evidence.js';
import { FigureStatus } from './figure-status.js';
import { FundingKind } from './funding-kind.js';
import { FundingLineRole } from './funding-line-role.js';
import { MoneyRef } from './money.js';
import { orderInput } from './order-input.js';
import { RelationshipRef } from './refs.js';
import { Direction, RelationshipKind } from './relationship-kind.js';

const edgeOf = (parent: unknown): Related => (parent as RelatedEdge).related;

export const RelationshipOrder = orderInput('RelationshipOrder', {
  fields: {
    NAME: { value: 'name', description: 'The name of the node at the other end.' },
    KIND: { value: 'kind', description: 'The relationship kind, then the name.' },
    PERIOD: {
      value: 'period',
      description: 'The period (unknown periods after every period), then the name.',
    },
  },
  defaultDirection: 'asc',
});

export const FundingOrder = orderInput('FundingOrder', {
  fields: {
    AMOUNT: { value: 'amount', description: 'The amount, then the name.' },
    NAME: { value: 'name', description: 'The name of the node at the other end.' },
    PERIOD: {
      value: 'period',
      description: 'The period (unknown periods after every period), then the name.',
    },
  },
  defaultDirection: 'desc',
});

type NodeRef = Parameters<typeof builder.connectionObject>[0]['type'];

const roleConnections = new Map<string, ReturnType<typeof makeRoleConnection>>();
const fundingConnections = new Map<string, ReturnType<typeof makeFundingConnection>>();

function makeRoleConnection(type: NodeRef, name: string) {
  return builder.connectionObject(
    { type, name: `${name}RelationshipConnection`, extensions: { [READS_OWN_ROWS]: true } },
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
          resolve: (p) => edgeString(edgeOf(p).edge, 'role'),
        }),
        period: t.string({ nullable: true, resolve: (p) => edgeString(edgeOf(p).edge, 'period') }),
        evidence: t.field({
          type: [EvidenceRef],
          resolve: (p, _a, ctx) => edgeEvidence(ctx, edgeOf(p).edge),
        }),
      }),
    },
  );
}

function makeFundingConnection(type: NodeRef, name: string) {
  const str = (p: unknown, key: string) => edgeString(edgeOf(p).edge, key);
  return builder.connectionObject(
    { type, name: `${name}FundingConnection`, extensions: { [READS_OWN_ROWS]: true } },
    {
      name: `${name}FundingEdge`,
      description:
        'A funding line: who funded what, how much, when, of which kind, and where the report says so.',
      fields: (t) => ({
        relationship: t.field({ type: RelationshipRef, resolve: (p) => edgeOf(p).edge }),
        amount: t.field({
          type: MoneyRef,
          nullable: true,
          description:
            'Null when the report names the funding but gives no figure (amountText has its words).',
          resolve: (p) => fundingAmountOf(edgeOf(p).edge),
        }),
        amountText: t.string({
          description: 'The amount as written.',
          resolve: (p) => str(p, 'amountText') ?? '',
        }),
        fundingKind: t.field({
          type: FundingKind,
          resolve: (p) => oneOf(str(p, 'fundingKind'), FUNDING_KINDS) ?? 'other',
        }),
        period: t.string({ nullable: true, resolve: (p) => str(p, 'period') }),
        qualifier: t.string({ nullable: true, resolve: (p) => str(p, 'qualifier') }),
        status: t.field({
          type: FigureStatus,
          description: 'CONFLICTING when another report of this funding line gives a different amount.',
          resolve: (p) => oneOf(str(p, 'status'), FIGURE_STATUSES) ?? 'single',
        }),
        conflictGroup: t.string({ nullable: true, resolve: (p) => str(p, 'conflictGroup') }),
        jointGroup: t.string({
          nullable: true,
          description: 'Lines of one sum given jointly by several funders share this; sums count it once.',
          resolve: (p) => str(p, 'jointGroup'),
        }),
        lineRole: t.field({
          type: FundingLineRole,
          nullable: true,
          description:
            'TOTAL when the report breaks this line down into shares (sums count the shares), SHARE when it is one.',
          resolve: (p) => oneOf(str(p, 'lineRole'), FUNDING_LINE_ROLES),
        }),
        evidence: t.field({
          type: [EvidenceRef],
          resolve: (p, _a, ctx) => edgeEvidence(ctx, edgeOf(p).edge),
        }),
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
