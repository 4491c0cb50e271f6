import MiniSearch from 'minisearch';
import type { NodeKind } from '../model/graph-model.js';
import type { SearchEntry } from '../store/port.js';

/**
 * The search index: every name and alias of the graph, built once per graph version (the service
 * keeps it in its versioned cache), so a search costs what its matches cost, not what the graph
 * holds. MiniSearch finds the candidates (whole words, word prefixes, a typo or two, any of the
 * words); they are then ranked by how well the whole text matches, then by importance.
 */

/** Words the reports write two ways, folded to one so that either finds the other. */
const SYNONYMS: Readonly<Record<string, string>> = {
  ldn: 'london',
  and: '&',
  centre: 'center',
  programme: 'program',
  organisation: 'organization',
};

/**
 * A text folded for matching: lower case, accents and apostrophes dropped, other punctuation a
 * space, the words of SYNONYMS written one way.
 */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[‘’`']/g, '')
    .replace(/[^a-z0-9&]+/g, ' ')
    .trim()
    .split(' ')
    .map((word) => SYNONYMS[word] ?? word)
    .join(' ');
}

/** How well a match is ranked; the tiers in `scoreNormalised`, then importance within a tier. */
const ALIAS_PENALTY = 5;
/** At most this much is added for importance: less than the gap between two tiers. */
const MAX_IMPORTANCE = 4;
/** The best score of a match that is not in a tier (typos, or some of the words). */
const PARTIAL = 25;
/** Words of a query searched, at most: a name is rarely longer, and each costs a walk of the index. */
const MAX_WORDS = 8;
/** Candidates ranked, at most: MiniSearch orders them by relevance first. */
const CANDIDATES = 200;

/**
 * How well one folded name matches the folded query, 0 when no tier holds: whole name 100, start of
 * the name 80 (less a tenth of the extra length, at most 10), start of a word 60, anywhere 40, every
 * query word starts a word of the name 30.
 */
export function scoreNormalised(q: string, n: string): number {
  if (!q || !n) return 0;
  if (n === q) return 100;
  if (n.startsWith(q)) return 80 - Math.min(10, (n.length - q.length) / 10);
  if (` ${n}`.includes(` ${q}`)) return 60;
  if (n.includes(q)) return 40;
  const words = q.split(' ');
  const nameWords = n.split(' ');
  if (words.length > 1 && words.every((w) => nameWords.some((nw) => nw.startsWith(w)))) return 30;
  return 0;
}

export interface IndexHit {
  readonly id: string;
  readonly score: number;
  readonly matched: string;
  readonly matchedAlias: boolean;
}

interface Doc {
  /** The node's id and the name's place among its names: one document per name or alias. */
  readonly key: string;
  readonly id: string;
  readonly kind: NodeKind;
  readonly text: string;
  readonly alias: boolean;
  /** The node's degree on a 0..MAX_IMPORTANCE scale (log). */
  readonly importance: number;
}

/** One term per word, short or long; the query's own words are folded the same way. */
const tokenize = (text: string): string[] => normalise(text).split(' ').filter(Boolean);

/** Typos allowed: none in a short word (LFB, NHS), one from five letters, two from nine. */
const fuzziness = (term: string): number | false => (term.length >= 9 ? 2 : term.length >= 5 ? 1 : false);

export class SearchIndex {
  private constructor(
    private readonly index: MiniSearch<Doc>,
    readonly size: number,
  ) {}

  /** Builds the index in chunks, so a big graph's names do not hold the event loop for long. */
  static async build(entries: readonly SearchEntry[]): Promise<SearchIndex> {
    const index = new MiniSearch<Doc>({
      idField: 'key',
      fields: ['text'],
      storeFields: ['id', 'kind', 'text', 'alias', 'importance'],
      tokenize,
      processTerm: (term) => term,
      // A one-letter prefix would match a share of every name: prefixes from two letters.
      searchOptions: { prefix: (term) => term.length >= 2, fuzzy: fuzziness, maxFuzzy: 2, combineWith: 'OR' },
    });
    const maxDegree = entries.reduce((max, e) => Math.max(max, e.degree), 0);
    const scale = maxDegree > 0 ? MAX_IMPORTANCE / Math.log1p(maxDegree) : 0;
    const docs: Doc[] = entries.flatMap((e) => {
      const importance = Math.log1p(e.degree) * scale;
      return [e.name, ...e.aliases].map((text, i) => ({
        key: `${e.id}\u0000${i}`,
        id: e.id,
        kind: e.kind,
        text,
        alias: i > 0,
        importance,
      }));
    });
    await index.addAllAsync(docs, { chunkSize: 5_000 });
    return new SearchIndex(index, entries.length);
  }

  /**
   * The nodes whose name or an alias best matches `text`, best first, at most `first`: a tier of
   * `scoreNormalised` for the whole text (an alias 5 less), or up to PARTIAL for a match by typo or
   * by some of the words (by MiniSearch's relevance, BM25, beside the best candidate's), plus up to MAX_IMPORTANCE for the node's degree; ties by shorter name,
   * then id. Each node once, by its best name.
   */
  search(text: string, kinds: ReadonlySet<NodeKind>, first: number): IndexHit[] {
    const query = normalise(text);
    if (query === '') return [];
    // Each word is a walk of the index (prefixes, typos): a text's distinct words, at most 8 of them.
    const words = [...new Set(query.split(' '))].slice(0, MAX_WORDS).join(' ');
    const results = this.index
      .search(words, { filter: (r) => kinds.has(r['kind'] as NodeKind) })
      .slice(0, CANDIDATES);
    // A partial match scores by its relevance beside the most relevant candidate: rarer words and
    // shorter names weigh more, so "Royal Marsden" finds Marsden before the Royal Free.
    const top = results[0]?.score ?? 1;
    const best = new Map<string, IndexHit & { length: number }>();
    for (const r of results) {
      const name = r['text'] as string;
      const alias = r['alias'] as boolean;
      const folded = normalise(name);
      const tier = scoreNormalised(query, folded);
      const quality = tier > 0 ? tier : (PARTIAL * r.score) / top;
      const score = quality - (alias ? ALIAS_PENALTY : 0) + (r['importance'] as number);
      const id = r['id'] as string;
      const seen = best.get(id);
      if (!seen || score > seen.score)
        best.set(id, { id, score, matched: name, matchedAlias: alias, length: folded.length });
    }
    return [...best.values()]
      .sort((a, b) => b.score - a.score || a.length - b.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, first)
      .map(({ length: _length, ...hit }) => ({ ...hit, score: Math.round(hit.score * 100) / 100 }));
  }
}
