import type { Context } from '../context.js';
import type { NodeKind } from '../model/graph-model.js';
import type { NodeView } from '../model/records.js';
import type { SearchEntry } from '../store/port.js';

/** Names are short: a longer text cannot match one and would only cost time. */
export const MAX_TEXT = 200;

export interface Hit {
  readonly node: NodeView;
  readonly score: number;
  readonly matched: string;
  readonly matchedAlias: boolean;
}

export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’`']/g, '')
    .replace(/[^a-z0-9&]+/g, ' ')
    .trim();
}

/**
 * How well one name matches the query, 0 for not at all: whole name, then start of the name, then
 * start of a word, then anywhere, then every query word somewhere. An alias scores a little less
 * than the name, so "LFB" finds the London Fire Brigade through its alias just after anything
 * actually named LFB.
 */
export function scoreName(query: string, name: string): number {
  return scoreNormalised(normalise(query), normalise(name));
}

function scoreNormalised(q: string, n: string): number {
  if (!q || !n) return 0;
  if (n === q) return 100;
  if (n.startsWith(`${q} `) || n.startsWith(q)) return 80 - Math.min(10, (n.length - q.length) / 10);
  const nameWords = n.split(' ');
  if (nameWords.some((_, i) => nameWords.slice(i).join(' ').startsWith(q))) return 60;
  if (n.includes(q)) return 40;
  const words = q.split(' ');
  if (words.length > 1 && words.every((w) => n.split(' ').some((nw) => nw.startsWith(w)))) return 30;
  return 0;
}

function best(query: string, node: SearchEntry): (Omit<Hit, 'node'> & { id: string }) | null {
  let hit: (Omit<Hit, 'node'> & { id: string }) | null = null;
  for (const [name, alias] of [[node.name, false], ...node.aliases.map((a) => [a, true] as const)] as const) {
    const score = scoreNormalised(query, normalise(name)) - (alias ? 5 : 0);
    if (score > 0 && (!hit || score > hit.score))
      hit = { id: node.id, score, matched: name, matchedAlias: alias };
  }
  return hit;
}

/**
 * The nodes whose name or an alias best matches `query` (normalised), best first: every name of the
 * graph is read once per graph version and kept (issue 14 replaces this scan with an index), the
 * hits' nodes through the node loader.
 */
export async function searchNodes(
  ctx: Context,
  query: string,
  kinds: ReadonlySet<NodeKind>,
  first: number,
): Promise<Hit[]> {
  const { value: entries } = await ctx.cache.get('search:entries', () => ctx.reader.searchEntries());
  const byId = new Map(entries.map((e) => [e.id, e]));
  const hits = entries
    .filter((entry) => kinds.has(entry.kind))
    .flatMap((entry) => best(query, entry) ?? [])
    .sort((a, b) => {
      const x = byId.get(a.id);
      const y = byId.get(b.id);
      return b.score - a.score || (x?.name.length ?? 0) - (y?.name.length ?? 0) || a.id.localeCompare(b.id);
    })
    .slice(0, first);
  const nodes = await ctx.loaders.nodeById.loadMany(hits.map((h) => h.id));
  return hits.flatMap(({ id: _id, ...hit }, i) => {
    const node = nodes[i];
    return node && !(node instanceof Error) ? [{ ...hit, node }] : [];
  });
}
