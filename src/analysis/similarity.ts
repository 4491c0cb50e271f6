import type { GraphData } from '../model/records.js';
import type { ProjectionOptions } from './projection.js';

export interface SimilarityPair {
  readonly a: string;
  readonly b: string;
  /** Shared programmes and projects over all the programmes and projects either is tied to. */
  readonly jaccard: number;
  readonly shared: number;
}

/**
 * Jaccard similarity of organisations over the programmes and projects they are tied to (with the
 * projection's relationship kinds and period): every pair that shares at least one, most similar
 * first.
 */
export function jaccardSimilarity(data: GraphData, options: ProjectionOptions): SimilarityPair[] {
  const kinds = new Map(data.nodes.map((n) => [n.id, n.kind]));
  const work = new Map<string, Set<string>>();
  for (const edge of data.edges) {
    if (!options.kinds.includes(edge.kind)) continue;
    if (options.period && edge.properties['period'] !== options.period) continue;
    const target = kinds.get(edge.to);
    if (kinds.get(edge.from) !== 'Organisation' || (target !== 'Programme' && target !== 'Project')) continue;
    work.set(edge.from, (work.get(edge.from) ?? new Set()).add(edge.to));
  }
  const orgs = [...work.keys()].sort();
  const pairs: SimilarityPair[] = [];
  for (let i = 0; i < orgs.length; i++) {
    for (let j = i + 1; j < orgs.length; j++) {
      const a = work.get(orgs[i] as string) as Set<string>;
      const b = work.get(orgs[j] as string) as Set<string>;
      const shared = [...a].filter((w) => b.has(w)).length;
      if (shared === 0) continue;
      pairs.push({
        a: orgs[i] as string,
        b: orgs[j] as string,
        jaccard: shared / (a.size + b.size - shared),
        shared,
      });
    }
  }
  return pairs.sort(
    (x, y) => y.jaccard - x.jaccard || y.shared - x.shared || (x.a + x.b < y.a + y.b ? -1 : 1),
  );
}
