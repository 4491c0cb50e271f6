import type DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import { EDGE_KINDS, type EdgeKind, NODE_KINDS, type NodeKind } from '../model/graph-model.js';
import type { EdgeView, NodeView } from '../model/records.js';
import { projectionOf } from '../request/core-selection.js';
import {
  connectionOf,
  countIfWhole,
  cursorNumber,
  decodeCursor,
  encodeCursor,
  type PageArgs,
  type PageRequest,
  pageRequest,
} from '../request/paging.js';
import { selects, selectsOwn } from '../request/selection.js';
import type {
  RelatedKey,
  RelatedOrder,
  RelatedPage,
  RelatedQuery,
  RelatedRow,
  SortDirection,
} from '../store/port.js';

/** A relationship seen from one of its ends: the node at the other end, and which way it points. */
export interface Related {
  readonly node: NodeView;
  readonly edge: EdgeView;
  /** True when the relationship points from the node it is read from to `node`. */
  readonly outgoing: boolean;
}

/** The edge a relationship connection hands to its edge fields. */
export interface RelatedEdge {
  readonly cursor: string;
  readonly node: NodeView;
  readonly related: Related;
}

export type DirectionValue = 'out' | 'in' | 'both';

/** Which relationships a field reads: its kinds, its direction, and the kinds of node at the other end. */
export interface RelatedSpec {
  readonly kinds?: readonly EdgeKind[];
  readonly direction: DirectionValue;
  readonly otherKinds?: readonly NodeKind[];
}

/** The arguments of a relationship field. */
export interface RelationshipArgs extends PageArgs {
  readonly role?: string | null | undefined;
  readonly period?: string | null | undefined;
  readonly kinds?: readonly EdgeKind[] | null | undefined;
  readonly direction?: DirectionValue | null | undefined;
  readonly orderBy?:
    | { readonly field: RelatedOrder; readonly direction?: SortDirection | null }
    | null
    | undefined;
}

/** The question a field's arguments ask, before paging: what its count and its pages share. */
function baseQuery(spec: RelatedSpec, args: RelationshipArgs) {
  const kinds = spec.kinds ?? EDGE_KINDS;
  const asked = args.kinds?.length ? kinds.filter((k) => args.kinds?.includes(k)) : kinds;
  const direction = args.direction && args.direction !== 'both' ? args.direction : spec.direction;
  return {
    edgeKinds: asked,
    direction,
    otherKinds: spec.otherKinds ?? NODE_KINDS,
    role: args.role?.trim() ? args.role.trim() : null,
    period: args.period ?? null,
  };
}

/** What a relationship field reads for every parent of one request: the same for each of them. */
interface FieldRead {
  readonly parentType: GraphQLResolveInfo['parentType'];
  readonly fieldName: string;
  readonly request: PageRequest;
  readonly empty: boolean;
  /** Whether the page's nodes are whole (every property read) and may answer node lookups. */
  readonly primesNodes: boolean;
  readonly query: RelatedQuery;
  readonly pages: DataLoader<string, RelatedPage>;
  readonly counts: DataLoader<string, number>;
  readonly cursorOf: (row: RelatedRow) => string;
}

/**
 * Each request's field reads (by its loaders: yoga hands resolvers a copy of the context object
 * the request began with), by the field nodes GraphQL resolves the field for. The executor hands
 * every parent of a list the same field nodes, with the same arguments (the request's variables do
 * not change), so the question, its loaders and its cursor scope are worked out once per field, not
 * once per parent: a deep query's last level has a parent for every node of the level above.
 */
const fieldReads = new WeakMap<Context['loaders'], WeakMap<GraphQLResolveInfo['fieldNodes'], FieldRead>>();

/** The edge of a row: its cursor is written only when a query reads it (see connectionOf). */
class RowEdge implements RelatedEdge {
  readonly node: NodeView;
  readonly related: Related;
  constructor(
    row: RelatedRow,
    private readonly cursorOf: () => string,
  ) {
    this.node = row.node;
    this.related = { node: row.node, edge: row.edge, outgoing: row.outgoing };
  }
  get cursor(): string {
    return this.cursorOf();
  }
}

const toEdge = (row: RelatedRow, cursor: () => string): RelatedEdge => new RowEdge(row, cursor);

function fieldRead(
  ctx: Context,
  info: GraphQLResolveInfo,
  spec: RelatedSpec,
  args: RelationshipArgs,
  defaultOrder: { field: RelatedOrder; direction: SortDirection },
): FieldRead {
  let reads = fieldReads.get(ctx.loaders);
  if (!reads) {
    reads = new WeakMap();
    fieldReads.set(ctx.loaders, reads);
  }
  const known = reads.get(info.fieldNodes);
  // The same field nodes under another type or field would be another question: never the case in
  // graphql-js or graphql-jit, checked all the same.
  if (known && known.parentType === info.parentType && known.fieldName === info.fieldName) return known;
  const request = pageRequest(args, ctx.config.paging);
  const order = args.orderBy?.field ?? defaultOrder.field;
  const sortDirection = args.orderBy ? (args.orderBy.direction ?? 'asc') : defaultOrder.direction;
  const base = baseQuery(spec, args);
  const scope = `${[...base.edgeKinds].sort().join('|')}:${base.direction}:${order}:${sortDirection}`;
  const keyOf = (cursor: string | null | undefined): RelatedKey | null => {
    if (!cursor) return null;
    const values = decodeCursor(cursor, scope, 3);
    return {
      value: cursorNumber(values, 0, cursor),
      nameRank: cursorNumber(values, 1, cursor),
      tieKey: cursorNumber(values, 2, cursor),
    };
  };
  // Written out rather than spread from `base`: V8 builds a spread-then-extended literal slowly.
  const query: RelatedQuery = {
    edgeKinds: base.edgeKinds,
    direction: base.direction,
    otherKinds: base.otherKinds,
    role: base.role,
    period: base.period,
    order,
    sortDirection,
    after: keyOf(args.after),
    before: keyOf(args.before),
    size: request.size,
    from: request.from,
    withEvidence: selects(info, 'evidence'),
    projection: projectionOf(info),
    // Counted with the page when no cursor bounds it; else by a count of its own if asked.
    withCount: selectsOwn(info, 'totalCount') && !args.after && !args.before,
  };
  const countQuery: RelatedQuery = {
    edgeKinds: base.edgeKinds,
    direction: base.direction,
    otherKinds: base.otherKinds,
    role: base.role,
    period: base.period,
    order: 'name',
    sortDirection: 'asc',
    after: null,
    before: null,
    size: 0,
    from: 'start',
    withEvidence: false,
    projection: 'core',
    withCount: false,
  };
  const read: FieldRead = {
    parentType: info.parentType,
    fieldName: info.fieldName,
    request,
    // The kinds asked for and the field's own have nothing in common: nothing to read.
    empty: base.edgeKinds.length === 0,
    primesNodes: query.projection === 'all',
    query,
    pages: ctx.loaders.related(query),
    counts: ctx.loaders.relatedCount(countQuery),
    cursorOf: (row) => encodeCursor(scope, [row.key.value, row.key.nameRank, row.key.tieKey]),
  };
  reads.set(info.fieldNodes, read);
  return read;
}

/**
 * One page of a relationship field of `parent` (only its id is read: see early-reads.ts): the store
 * orders, filters and cuts each parent's page (all parents of one level in one batch), and counts
 * only when totalCount is asked for. The nodes at the other end come with the page and are primed
 * into the node loader.
 */
export async function relationshipConnection(
  ctx: Context,
  info: GraphQLResolveInfo,
  parent: { readonly id: string },
  spec: RelatedSpec,
  args: RelationshipArgs,
  defaultOrder: { field: RelatedOrder; direction: SortDirection },
) {
  const read = fieldRead(ctx, info, spec, args, defaultOrder);
  if (read.empty)
    return connectionOf([], false, args, read.request, read.cursorOf, toEdge, () => Promise.resolve(0));
  // A page read with its parents' level (followRelationship), else one read for itself.
  const page = (await followedPage(ctx, read.pages, parent.id)) ?? (await read.pages.load(parent.id));
  // A core read's nodes lack most properties: only whole ones may answer a later lookup.
  if (read.primesNodes) for (const row of page.rows) ctx.loaders.nodeById.prime(row.node.id, row.node);
  const whole = countIfWhole(page.rows.length, page.more, args);
  const total = page.total ?? whole;
  return connectionOf(page.rows, page.more, args, read.request, read.cursorOf, toEdge, () =>
    total !== null ? Promise.resolve(total) : read.counts.load(parent.id),
  );
}

/**
 * Each request's following reads (followRelationship), by the loader of the question they answer:
 * the same question asked by a field's resolver has the same loader.
 */
const followedPages = new WeakMap<
  Context['loaders'],
  Map<DataLoader<string, RelatedPage>, Promise<ReadonlyMap<string, RelatedPage>>[]>
>();

/**
 * The page of `parent` a following read holds, or null. One question may be followed for several
 * kinds of parent (the outcomes of the programmes and of the projects a level funds): each follow
 * holds its own parents' pages. A failed follow holds none: the field reads for itself.
 */
async function followedPage(
  ctx: Context,
  pages: DataLoader<string, RelatedPage>,
  parent: string,
): Promise<RelatedPage | null> {
  for (const follow of followedPages.get(ctx.loaders)?.get(pages) ?? []) {
    const page = (await follow.catch(() => null))?.get(parent);
    if (page) return page;
  }
  return null;
}

/**
 * Starts the pages of a relationship field for the `kind` nodes of another read of the request
 * (`after`: see GraphReader.followingPages), before that read has answered, so the store reads
 * both in one statement where it can. The field's resolvers then take their parent's page from it.
 * Null when the store reads level by level, or the field reads nothing.
 */
export function followRelationship(
  ctx: Context,
  info: GraphQLResolveInfo,
  after: Promise<unknown>,
  kind: NodeKind,
  spec: RelatedSpec,
  args: RelationshipArgs,
  defaultOrder: { field: RelatedOrder; direction: SortDirection },
): Promise<ReadonlyMap<string, RelatedPage>> | null {
  const read = fieldRead(ctx, info, spec, args, defaultOrder);
  if (read.empty) return null;
  const pages = ctx.reader.followingPages(after, kind, read.query);
  if (!pages) return null;
  let followed = followedPages.get(ctx.loaders);
  if (!followed) {
    followed = new Map();
    followedPages.set(ctx.loaders, followed);
  }
  followed.set(read.pages, [...(followed.get(read.pages) ?? []), pages]);
  return pages;
}

/** The first relationship of a field in name order (the first winner, the first subject), or null. */
export async function firstRelated(ctx: Context, node: NodeView, spec: RelatedSpec): Promise<Related | null> {
  const base = baseQuery(spec, {});
  const page = await ctx.loaders
    .related({
      ...base,
      order: 'name',
      sortDirection: 'asc',
      after: null,
      before: null,
      size: 1,
      from: 'start',
      withEvidence: false,
      projection: 'all',
      withCount: false,
    })
    .load(node.id);
  const row = page.rows[0];
  return row ? { node: row.node, edge: row.edge, outgoing: row.outgoing } : null;
}
