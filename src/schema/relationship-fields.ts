import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import { EDGE_MODEL, isNodeKind } from '../model/graph-model.js';
import type { NodeView } from '../model/records.js';
import {
  followRelationship,
  type RelatedSpec,
  type RelationshipArgs,
  relationshipConnection,
} from '../services/relationships.js';
import type { builder } from './builder.js';
import { FundingOrder, fundingConnection, RelationshipOrder, roleConnection } from './connections.js';
import { earlyRead, followRead } from './early-reads.js';
import { Direction, RelationshipKind } from './relationship-kind.js';

type Types = typeof builder.$inferSchemaTypes;
// Object and interface field builders alike: the Entity interface declares the generic field too.
type FieldBuilder = PothosSchemaTypes.FieldBuilder<Types, NodeView, 'Object' | 'Interface'>;
type NodeRef = Parameters<typeof roleConnection>[0];

export interface RelationshipFieldOptions {
  /** The node type at the other end (EntityRef when it can be several). */
  readonly type: NodeRef;
  /** Its name, for the connection's type name (Organisation -> OrganisationRelationshipConnection). */
  readonly typeName: string;
  readonly spec: RelatedSpec;
  readonly description: string;
  /** Offer `kinds` and `direction` arguments (for fields that span several relationship kinds). */
  readonly open?: boolean;
  /** How the field is ordered when the caller does not say (default: by name). */
  readonly defaultOrder?: 'name' | 'kind';
}

/**
 * A relationship field: a connection of the nodes at the other end of some relationships, each
 * edge carrying the relationship, its role, period and evidence; filterable by role and period,
 * sortable by name, kind or period.
 */
export function relationshipField(t: FieldBuilder, options: RelationshipFieldOptions) {
  const order = { field: options.defaultOrder ?? 'name', direction: 'asc' } as const;
  const read = (parent: { readonly id: string }, args: object, ctx: Context, info: GraphQLResolveInfo) =>
    relationshipConnection(ctx, info, parent, options.spec, args as RelationshipArgs, order);
  return t.field({
    type: roleConnection(options.type, options.typeName),
    description: options.description,
    args: {
      ...t.arg.connectionArgs(),
      role: t.arg.string({ description: 'Only relationships whose role contains this (any case).' }),
      period: t.arg.string({
        description: options.spec.kinds?.every((kind) => EDGE_MODEL[kind].periodOfFigure)
          ? 'Only figures of this period (2019/20, 2015 to 2020, ...): the period is the figure’s.'
          : 'Only relationships of this period (2019/20, 2015 to 2020, ...); one no report dates has its report’s. A figure’s link (MEASURES, EVIDENCES) is tested on the figure’s period.',
      }),
      orderBy: t.arg({
        type: RelationshipOrder,
        description:
          options.defaultOrder === 'kind'
            ? 'Default: by kind, then name.'
            : 'Default: by name of the node at the other end.',
      }),
      ...(options.open
        ? {
            kinds: t.arg({ type: [RelationshipKind], description: 'Only these kinds of relationship.' }),
            direction: t.arg({ type: Direction, description: 'Only relationships pointing this way.' }),
          }
        : {}),
    },
    extensions: {
      ...earlyRead((id, args, ctx, info) => read({ id }, args, ctx, info)),
      ...followRead((after, kind, args, ctx, info) =>
        isNodeKind(kind)
          ? followRelationship(ctx, info, after, kind, options.spec, args as RelationshipArgs, order)
          : null,
      ),
    },
    resolve: (node, args, ctx, info) => read(node, args, ctx, info),
  });
}

/**
 * A funding field: a connection of funders (or funded nodes), each edge a funding line with its
 * amount, period, kind, status and evidence; filterable by period, sortable by amount, name or period.
 */
export function fundingField(
  t: FieldBuilder,
  options: Omit<RelationshipFieldOptions, 'spec' | 'open'> & { readonly direction: 'in' | 'out' },
) {
  const spec: RelatedSpec = { kinds: ['FUNDS'], direction: options.direction };
  const order = { field: 'amount', direction: 'desc' } as const;
  const read = (parent: { readonly id: string }, args: object, ctx: Context, info: GraphQLResolveInfo) =>
    relationshipConnection(ctx, info, parent, spec, args as RelationshipArgs, order);
  return t.field({
    type: fundingConnection(options.type, options.typeName),
    description: options.description,
    args: {
      ...t.arg.connectionArgs(),
      period: t.arg.string({ description: 'Only funding of this period (2019/20, ...).' }),
      orderBy: t.arg({ type: FundingOrder, description: 'Default: largest amount first.' }),
    },
    extensions: {
      ...earlyRead((id, args, ctx, info) => read({ id }, args, ctx, info)),
      ...followRead((after, kind, args, ctx, info) =>
        isNodeKind(kind)
          ? followRelationship(ctx, info, after, kind, spec, args as RelationshipArgs, order)
          : null,
      ),
    },
    resolve: (node, args, ctx, info) => read(node, args, ctx, info),
  });
}
