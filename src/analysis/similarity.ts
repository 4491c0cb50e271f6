import type { GraphView } from '../model/records.js';
import type { ProjectionOptions } from './projection.js';

export interface SimilarityPair {
  readonly a: string;
  readonly b: string;
  /** Shared programmes and projects over all the programmes and projects either is tied to. */
  readonly jaccard: number;
  readonly shared: number;
}

/**
 * How many pairs an analysis keeps: the service hands out at most a page of them (HLP_MAX_PAGE_SIZE,
 * itself at most 10,000), and a large graph has millions of pairs that share something.
 */
export const SIMILARITY_PAIRS_KEPT = 10_000;

const mostSimilarFirst = (x: SimilarityPair, y: SimilarityPair): number =>
  y.jaccard - x.jaccard || y.shared - x.shared || (x.a + x.b < y.a + y.b ? -1 : 1);

/**
 * Jaccard similarity of organisations over the programmes and projects they are tied to (with the
 * projection's relationship kinds and period): the `keep` most similar pairs that share at least
 * one, most similar first. Only pairs that share something are visited (through each programme's
 * organisations), so the cost follows the shared ties, not the square of the organisations.
 */
export function jaccardSimilarity(
  data: GraphView,
  options: ProjectionOptions,
  keep: number = SIMILARITY_PAIRS_KEPT,
): SimilarityPair[] {
  const kinds = new Map(data.nodes.map((n) => [n.id, n.kind]));
  const worksOf = new Map<string, Set<string>>();
  const orgsOf = new Map<string, Set<string>>();
  for (const edge of data.edges) {
    if (!options.kinds.includes(edge.kind)) continue;
    if (options.period && edge.properties['period'] !== options.period) continue;
    const target = kinds.get(edge.to);
    if (kinds.get(edge.from) !== 'Organisation' || (target !== 'Programme' && target !== 'Project')) continue;
    worksOf.set(edge.from, (worksOf.get(edge.from) ?? new Set()).add(edge.to));
    orgsOf.set(edge.to, (orgsOf.get(edge.to) ?? new Set()).add(edge.from));
  }
  let kept: SimilarityPair[] = [];
  for (const a of [...worksOf.keys()].sort()) {
    const mine = worksOf.get(a) as Set<string>;
    const shared = new Map<string, number>();
    for (const work of mine) {
      for (const b of orgsOf.get(work) as Set<string>) {
        if (b > a) shared.set(b, (shared.get(b) ?? 0) + 1);
      }
    }
    for (const [b, count] of shared) {
      const size = (worksOf.get(b) as Set<string>).size;
      kept.push({ a, b, jaccard: count / (mine.size + size - count), shared: count });
    }
    // Cut back to the best `keep` now and then: memory stays about twice what is kept.
    if (kept.length > 2 * keep) kept = kept.sort(mostSimilarFirst).slice(0, keep);
  }
  return kept.sort(mostSimilarFirst).slice(0, keep);
}
