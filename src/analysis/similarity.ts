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
 * one, most similar first.
 *
 * Only pairs that share something are visited: for each organisation, the others tied to its
 * programmes are counted in a typed array indexed by organisation (the cost is the sum over
 * programmes of their organisations squared, not the organisations squared). A pair is made an
 * object only when it can still be among the best `keep`: a graph of 1M relationships has hundreds
 * of millions of pairs that share something.
 */
export function jaccardSimilarity(
  data: GraphView,
  options: ProjectionOptions,
  keep: number = SIMILARITY_PAIRS_KEPT,
): SimilarityPair[] {
  const kinds = new Map(data.nodes.map((n) => [n.id, n.kind]));
  const worksOf = new Map<string, Set<string>>();
  for (const edge of data.edges) {
    if (!options.kinds.includes(edge.kind)) continue;
    if (options.period && edge.properties['period'] !== options.period) continue;
    const target = kinds.get(edge.to);
    if (kinds.get(edge.from) !== 'Organisation' || (target !== 'Programme' && target !== 'Project')) continue;
    worksOf.set(edge.from, (worksOf.get(edge.from) ?? new Set()).add(edge.to));
  }
  // Organisations numbered in id order, so "b after a" is "index of b > index of a".
  const orgs = [...worksOf.keys()].sort();
  const orgsOfWork = new Map<string, number[]>();
  orgs.forEach((org, i) => {
    for (const work of worksOf.get(org) as Set<string>) {
      const members = orgsOfWork.get(work);
      if (members) members.push(i);
      else orgsOfWork.set(work, [i]);
    }
  });
  const sizes = Int32Array.from(orgs, (org) => (worksOf.get(org) as Set<string>).size);
  const shared = new Int32Array(orgs.length);
  const touched = new Int32Array(orgs.length);

  let kept: SimilarityPair[] = [];
  // The worst pair kept at the last cut: a pair below it can never make the best `keep`.
  let floor: SimilarityPair | null = null;
  for (let a = 0; a < orgs.length; a++) {
    let count = 0;
    for (const work of worksOf.get(orgs[a] as string) as Set<string>) {
      for (const b of orgsOfWork.get(work) as number[]) {
        if (b <= a) continue;
        if (shared[b] === 0) touched[count++] = b;
        shared[b] = (shared[b] as number) + 1;
      }
    }
    for (let k = 0; k < count; k++) {
      const b = touched[k] as number;
      const both = shared[b] as number;
      shared[b] = 0;
      const jaccard = both / ((sizes[a] as number) + (sizes[b] as number) - both);
      if (floor && (jaccard < floor.jaccard || (jaccard === floor.jaccard && both < floor.shared))) continue;
      kept.push({ a: orgs[a] as string, b: orgs[b] as string, jaccard, shared: both });
    }
    // Cut back to the best `keep` now and then: memory stays about twice what is kept.
    if (kept.length > 2 * keep) {
      kept = kept.sort(mostSimilarFirst).slice(0, keep);
      floor = kept[kept.length - 1] ?? null;
    }
  }
  return kept.sort(mostSimilarFirst).slice(0, keep);
}
