import type { Context } from '../context.js';
import type { NodeKind } from '../model/graph-model.js';
import type { NodeView } from '../model/records.js';
import { SearchIndex } from './search-index.js';

export { normalise } from './search-index.js';

/** Names are short: a longer text cannot match one and would only cost time. */
export const MAX_TEXT = 200;

export interface Hit {
  readonly node: NodeView;
  readonly score: number;
  readonly matched: string;
  readonly matchedAlias: boolean;
}

/** The graph's search index: built from every name once per graph version, then kept. */
export async function searchIndex(ctx: Context): Promise<SearchIndex> {
  const { value } = await ctx.cache.get('search:index', async () =>
    SearchIndex.build(await ctx.reader.searchEntries()),
  );
  return value;
}

/** The nodes whose name or an alias best matches `text`, best first, the hits' nodes through the node loader. */
export async function searchNodes(
  ctx: Context,
  text: string,
  kinds: ReadonlySet<NodeKind>,
  first: number,
): Promise<Hit[]> {
  const hits = (await searchIndex(ctx)).search(text, kinds, first);
  const nodes = await ctx.loaders.nodeById.loadMany(hits.map((h) => h.id));
  return hits.flatMap(({ id: _id, ...hit }, i) => {
    const node = nodes[i];
    return node && !(node instanceof Error) ? [{ ...hit, node }] : [];
  });
}
