import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import type { NodeKind } from '../model/graph-model.js';
import type { NodeView } from '../model/records.js';
import { projectionOf } from '../request/core-selection.js';
import { badUserInput } from '../request/errors.js';
import {
  connectionOf,
  countIfWhole,
  cursorNumber,
  decodeCursor,
  encodeCursor,
  type PageArgs,
  pageRequest,
} from '../request/paging.js';
import { selects, selectsOwn } from '../request/selection.js';
import {
  type ListFilterValues,
  type ListKey,
  type ListOrder,
  listKeyType,
  type SortDirection,
} from '../store/port.js';

/** The edge a root connection hands to its edge fields. */
export interface NodeEdge {
  readonly cursor: string;
  readonly node: NodeView;
}

/**
 * A root connection over one kind of node: the store filters, orders and cuts the page, and counts
 * the whole list only when totalCount is asked for. The page's nodes are primed into the node
 * loader, so a later lookup of one costs nothing.
 */
export async function listConnection(
  ctx: Context,
  info: GraphQLResolveInfo,
  kind: NodeKind,
  args: PageArgs,
  filter: ListFilterValues,
  order: ListOrder,
  direction: SortDirection,
) {
  const request = pageRequest(args, ctx.config.paging);
  const scope = `${kind}:${order}:${direction}`;
  const keyOf = (cursor: string | null | undefined): ListKey | null => {
    if (!cursor) return null;
    const values = decodeCursor(cursor, scope, 2);
    const value = values[0] ?? null;
    // A cursor is the client's to send back: one whose sort value is not of its order's type was
    // not made here, and would reach the database as a comparison it cannot make.
    const type = listKeyType(order);
    if (type === null ? value !== null : typeof value !== type)
      throw badUserInput(
        `"${cursor}" is not a cursor of this connection (use a cursor from pageInfo or an edge)`,
      );
    return { value, nameRank: cursorNumber(values, 1, cursor) };
  };
  const projection = projectionOf(info);
  const reading = ctx.reader.listPage({
    kind,
    filter,
    order,
    direction,
    after: keyOf(args.after),
    before: keyOf(args.before),
    size: request.size,
    from: request.from,
    withEvidence: selects(info, 'evidence'),
    projection,
    // Counted with the page when no cursor bounds it; else by a count of its own if asked.
    withCount: selectsOwn(info, 'totalCount') && !args.after && !args.before,
  });
  // The reads of the fields the page's nodes select, started now to go with the page's own.
  ctx.follow(info, reading);
  const page = await reading;
  // A core read's nodes lack most properties: only whole ones may answer a later lookup.
  if (projection === 'all') for (const { node } of page.items) ctx.loaders.nodeById.prime(node.id, node);
  return connectionOf(
    page.items,
    page.more,
    args,
    request,
    (item) => encodeCursor(scope, [item.key.value, item.key.nameRank]),
    (item, cursor): NodeEdge => ({
      get cursor() {
        return cursor();
      },
      node: item.node,
    }),
    () => {
      const whole = page.total ?? countIfWhole(page.items.length, page.more, args);
      return whole !== null ? Promise.resolve(whole) : ctx.reader.listCount(kind, filter);
    },
  );
}

/**
 * The nodes a report is evidence for, by name, one page at a time: the store finds the page's ids
 * (a report cites thousands of records in a big graph), the node loader reads those nodes.
 */
export async function citingConnection(
  ctx: Context,
  source: string,
  kinds: readonly NodeKind[],
  args: PageArgs,
) {
  const request = pageRequest(args, ctx.config.paging);
  const scope = 'Report.entities:name:asc';
  const rankOf = (cursor: string | null | undefined): number | null =>
    cursor ? cursorNumber(decodeCursor(cursor, scope, 1), 0, cursor) : null;
  const page = await ctx.reader.citingPage({
    source,
    kinds,
    after: rankOf(args.after),
    before: rankOf(args.before),
    size: request.size,
    from: request.from,
  });
  const nodes = await ctx.loaders.nodeById.loadMany(page.ids.map((i) => i.id));
  const items = page.ids.flatMap((entry, i) => {
    const node = nodes[i];
    return node && !(node instanceof Error) ? [{ node, nameRank: entry.nameRank }] : [];
  });
  return connectionOf(
    items,
    page.more,
    args,
    request,
    (item) => encodeCursor(scope, [item.nameRank]),
    (item, cursor): NodeEdge => ({
      get cursor() {
        return cursor();
      },
      node: item.node,
    }),
    () => ctx.reader.citingCount(source, kinds),
  );
}
