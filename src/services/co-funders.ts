import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import { sumFundingLines } from '../model/funding-lines.js';
import { nodeNumber } from '../model/properties.js';
import type { EdgeView, NodeView } from '../model/records.js';
import { projectionOf } from '../request/core-selection.js';
import { selects } from '../request/selection.js';

/** A programme, project or organisation two funders both fund, with one funding line of each. */
export interface SharedFunding {
  readonly via: string;
  /** The organisation's own funding of it. */
  readonly own: EdgeView;
  /** The co-funder's funding of it. */
  readonly other: EdgeView;
}

/** Another organisation that funds some of what an organisation funds. */
export interface CoFunder {
  readonly organisation: NodeView;
  /** One entry per thing both fund, when the query asked for them. */
  readonly shared: readonly SharedFunding[] | null;
  readonly sharedCount: number;
  /** The organisation's lines to the shared things, summed as funding lines are. */
  readonly own: number;
  /** The co-funder's lines to the shared things, summed as funding lines are. */
  readonly other: number;
}

const rank = (n: NodeView) => nodeNumber(n, 'nameRank') ?? 0;

/** Most things shared first, then by name. */
const byShares = (a: CoFunder, b: CoFunder) =>
  b.sharedCount - a.sharedCount || rank(a.organisation) - rank(b.organisation);

/**
 * The co-funders of an organisation, most things shared first, then by name. A query that asks for
 * the shared lines gets every pair of funding lines to a shared node (the answer's own rows, grouped
 * per co-funder here); one that asks only for counts and sums gets them summed in the store.
 */
export async function coFundersOf(
  ctx: Context,
  info: GraphQLResolveInfo,
  parent: { readonly id: string },
  period: string | null,
): Promise<CoFunder[]> {
  if (!selects(info, 'shared')) {
    // Each sum is a statement of its own: run only those the query shows.
    const projection = projectionOf(info);
    const sums = await ctx.loaders
      .coFunderSums({
        period,
        own: selects(info, 'myAmount'),
        other: selects(info, 'theirAmount'),
        projection,
      })
      .load(parent.id);
    // A core read's co-funders lack most properties: only whole ones may answer a later lookup.
    if (projection === 'all') for (const s of sums) ctx.loaders.nodeById.prime(s.coFunder.id, s.coFunder);
    return sums
      .map((s) => ({
        organisation: s.coFunder,
        shared: null,
        sharedCount: s.shared,
        own: s.own,
        other: s.other,
      }))
      .sort(byShares);
  }
  const rows = await ctx.loaders
    .coFundersOf({ period, withEvidence: selects(info, 'evidence') })
    .load(parent.id);
  const byFunder = new Map<
    string,
    {
      node: NodeView;
      shared: Map<string, SharedFunding>;
      own: Map<string, EdgeView>;
      other: Map<string, EdgeView>;
    }
  >();
  for (const row of rows) {
    ctx.loaders.nodeById.prime(row.coFunder.id, row.coFunder);
    const entry = byFunder.get(row.coFunder.id) ?? {
      node: row.coFunder,
      shared: new Map(),
      own: new Map(),
      other: new Map(),
    };
    // One entry per thing both fund; every funding line of each side, each counted once.
    if (!entry.shared.has(row.via))
      entry.shared.set(row.via, { via: row.via, own: row.own, other: row.other });
    entry.own.set(row.own.id, row.own);
    entry.other.set(row.other.id, row.other);
    byFunder.set(row.coFunder.id, entry);
  }
  return [...byFunder.values()]
    .map((e) => ({
      organisation: e.node,
      shared: [...e.shared.values()],
      sharedCount: e.shared.size,
      own: sumFundingLines([...e.own.values()]).low,
      other: sumFundingLines([...e.other.values()]).low,
    }))
    .sort(byShares);
}
