import { NODE_KINDS, type NodeKind } from '../model/graph-model.js';
import type { NodeRecord } from '../model/records.js';
import { builder } from './builder.js';
import { EntityRef } from './entity.js';
import { EntityType } from './entity-type.js';
import { badUserInput } from './errors.js';

/** Names are short: a longer text cannot match one and would only cost time. */
const MAX_TEXT = 200;

interface Hit {
  readonly node: NodeRecord;
  readonly score: number;
  readonly matched: string;
  readonly matchedAlias: boolean;
}

function normalise(text: string): string {
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

function best(query: string, node: NodeRecord): Hit | null {
  let hit: Hit | null = null;
  for (const [name, alias] of [[node.name, false], ...node.aliases.map((a) => [a, true] as const)] as const) {
    const score = scoreNormalised(query, normalise(name)) - (alias ? 5 : 0);
    if (score > 0 && (!hit || score > hit.score)) hit = { node, score, matched: name, matchedAlias: alias };
  }
  return hit;
}

const SearchHitRef = builder.objectRef<Hit>('SearchHit').implement({
  description: 'A node whose name or an alias matches the search, with how well.',
  fields: (t) => ({
    node: t.field({ type: EntityRef, resolve: (h) => h.node }),
    score: t.float({
      description: '100 for an exact name; lower for weaker matches; aliases 5 less.',
      resolve: (h) => h.score,
    }),
    matched: t.string({ description: 'The name or alias that matched.', resolve: (h) => h.matched }),
    matchedAlias: t.boolean({
      description: 'True when an alias matched, not the name.',
      resolve: (h) => h.matchedAlias,
    }),
  }),
});

builder.queryField('search', (t) =>
  t.field({
    type: [SearchHitRef],
    description: 'Nodes whose name or an alias (abbreviation, variant) matches the text, best first.',
    args: {
      text: t.arg.string({ required: true }),
      kinds: t.arg({ type: [EntityType], description: 'Only nodes of these kinds.' }),
      first: t.arg.int({ required: true, defaultValue: 10 }),
    },
    resolve: async (_root, args, ctx) => {
      if (args.text.length > MAX_TEXT)
        throw badUserInput(`text must be at most ${MAX_TEXT} characters, got ${args.text.length}`);
      const query = normalise(args.text);
      if (query === '') throw badUserInput('text must contain a letter or a digit');
      const max = ctx.config.paging.maxSize;
      if (args.first < 1 || args.first > max)
        throw badUserInput(`first must be between 1 and ${max}, got ${args.first}`);
      const kinds = new Set<NodeKind>(args.kinds?.length ? args.kinds : NODE_KINDS);
      // Every name and alias of the graph, read once per graph version and kept.
      const { value: all } = await ctx.cache.get('search:all-nodes', async () =>
        (await ctx.store.nodesByKinds(NODE_KINDS)).flat(),
      );
      const hits = all.filter((node) => kinds.has(node.kind)).flatMap((node) => best(query, node) ?? []);
      return hits
        .sort(
          (a, b) =>
            b.score - a.score ||
            a.node.name.length - b.node.name.length ||
            a.node.id.localeCompare(b.node.id),
        )
        .slice(0, args.first);
    },
  }),
);
