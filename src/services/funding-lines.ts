import type { Context } from '../context.js';
import type { EdgeView } from '../model/records.js';
import {
  connectionOf,
  countIfWhole,
  cursorText,
  decodeCursor,
  encodeCursor,
  type PageArgs,
  pageRequest,
} from '../request/paging.js';
import type { FundingLineFilter, FundingLineSum } from '../store/port.js';

const SCOPE = 'fundingLines';

/** The edge of a funding line connection. */
export interface FundingLineEdge {
  readonly node: EdgeView;
  readonly cursor: string;
}

/**
 * A page of the funding lines a filter keeps, by line id: the store filters and cuts the page, counts
 * the lines only when totalCount is asked for, and sums their money (`sums`) only when a field reads
 * it, once however many do.
 */
export async function fundingLineConnection(ctx: Context, args: PageArgs, filter: FundingLineFilter) {
  const request = pageRequest(args, ctx.config.paging);
  const bound = (cursor: string | null | undefined) =>
    cursor ? cursorText(decodeCursor(cursor, SCOPE, 1), 0, cursor) : null;
  const page = await ctx.reader.fundingLinePage({
    filter,
    after: bound(args.after),
    before: bound(args.before),
    size: request.size,
    from: request.from,
  });
  const whole = countIfWhole(page.items.length, page.more, args);
  let summed: Promise<readonly FundingLineSum[]> | null = null;
  const connection = connectionOf(
    page.items,
    page.more,
    args,
    request,
    (edge) => encodeCursor(SCOPE, [edge.id]),
    (edge, cursor): FundingLineEdge => ({
      node: edge,
      get cursor() {
        return cursor();
      },
    }),
    () => (whole !== null ? Promise.resolve(whole) : ctx.reader.fundingLineCount(filter)),
  );
  const sums = () => {
    summed ??= ctx.reader.fundingLineSums(filter);
    return summed;
  };
  return { connection, sums };
}
