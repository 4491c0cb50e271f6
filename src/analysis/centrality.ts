import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import closenessModule from 'graphology-metrics/centrality/closeness.js';
import eigenvectorModule from 'graphology-metrics/centrality/eigenvector.js';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { interop } from './graphology-interop.js';
import type { NetworkGraph } from './projection.js';

const betweennessCentrality = interop(betweennessModule);
const closenessCentrality = interop(closenessModule);
const eigenvectorCentrality = interop(eigenvectorModule);
const pagerankCentrality = interop(pagerankModule);

/** A measure's value by node id; a node missing from it (an empty or edgeless graph) counts as 0. */
export type Scores = Readonly<Record<string, number>>;

export const PAGERANK = { alpha: 0.85, maxIterations: 1000, tolerance: 1e-6 } as const;
export const EIGENVECTOR = { maxIterations: 1000, tolerance: 1e-6 } as const;
const WEIGHTED = { getEdgeWeight: 'weight' } as const;

/** The sum of the weights of a node's edges. */
export function weightedDegreeOf(graph: NetworkGraph, id: string): number {
  return graph.edges(id).reduce((sum, e) => sum + graph.getEdgeAttribute(e, 'weight'), 0);
}

/** Normalised betweenness, every edge one hop whatever its weight; empty for a graph with no edges. */
export function betweennessOf(graph: NetworkGraph): Scores {
  return graph.size > 0 ? betweennessCentrality(graph, { normalized: true, getEdgeWeight: null }) : {};
}

/** Closeness in hops, Wasserman and Faust's variant (fair to nodes in small components). */
export function closenessOf(graph: NetworkGraph): Scores {
  // graphology-metrics' closeness throws on a graph with no nodes (an empty projection: a period
  // with no funding); an empty network is an empty answer, not an error.
  return graph.order > 0 ? closenessCentrality(graph, { wassermanFaust: true }) : {};
}

/** Weighted PageRank (see PAGERANK for its parameters); empty for a graph with no nodes. */
export function pagerankOf(graph: NetworkGraph): Scores {
  return graph.order > 0 ? pagerankCentrality(graph, { ...WEIGHTED, ...PAGERANK }) : {};
}

/**
 * Weighted eigenvector centrality (see EIGENVECTOR for its parameters), or null when the graph has no
 * edges or power iteration does not converge on it.
 */
export function eigenvectorOf(graph: NetworkGraph): Scores | null {
  try {
    return graph.size > 0 ? eigenvectorCentrality(graph, { ...WEIGHTED, ...EIGENVECTOR }) : null;
  } catch {
    // Power iteration does not converge on some graphs (bipartite ones, for instance): report null.
    return null;
  }
}
