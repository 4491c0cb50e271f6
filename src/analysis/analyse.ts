import louvainModule from 'graphology-communities-louvain';
import { connectedComponents } from 'graphology-components';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import closenessModule from 'graphology-metrics/centrality/closeness.js';
import eigenvectorModule from 'graphology-metrics/centrality/eigenvector.js';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { undirectedDensity } from 'graphology-metrics/graph/density.js';
import seedrandom from 'seedrandom';
import type { EdgeKind } from '../model/graph-model.js';
import type { GraphView } from '../model/records.js';
import { cutStructure } from './bridges.js';
import { buildProjection, type NetworkGraph, type ProjectionOptions } from './projection.js';
import { jaccardSimilarity, SIMILARITY_PAIRS_KEPT, type SimilarityPair } from './similarity.js';

/**
 * graphology's libraries are CommonJS with `export default` typings: Node hands ESM the function
 * itself as the default export, TypeScript expects it under `.default`. Take whichever is there.
 */
function interop<T>(module: { default: T } | T): T {
  const inner = (module as { default?: T }).default;
  return inner ?? (module as T);
}

const louvain = interop(louvainModule);
const betweennessCentrality = interop(betweennessModule);
const closenessCentrality = interop(closenessModule);
const eigenvectorCentrality = interop(eigenvectorModule);
const pagerank = interop(pagerankModule);

export interface AlgorithmRun {
  readonly name: string;
  readonly parameters: Readonly<Record<string, string | number | boolean | null>>;
}

/** Everything that determined a result: rerunning with these inputs on the same graph gives the same numbers. */
export interface NetworkInputs {
  readonly projection: ProjectionOptions['projection'];
  readonly weighting: ProjectionOptions['weighting'];
  readonly period: string | null;
  readonly kinds: readonly EdgeKind[];
  readonly seed: number;
  readonly algorithms: readonly AlgorithmRun[];
}

export interface NodeMeasures {
  readonly id: string;
  readonly label: string;
  readonly kind: string;
  readonly category: string;
  readonly degree: number;
  readonly weightedDegree: number;
  readonly betweenness: number;
  readonly closeness: number;
  /** Null when power iteration did not converge on this graph. */
  readonly eigenvector: number | null;
  readonly pagerank: number;
  /** Louvain community, numbered from 1 by size (largest first). */
  readonly community: number;
  /** Connected component, numbered from 1 by size (largest first). */
  readonly component: number;
  readonly articulationPoint: boolean;
}

export interface NetworkEdge {
  readonly key: string;
  readonly source: string;
  readonly target: string;
  readonly weight: number;
  readonly ties: number;
  readonly bridge: boolean;
}

export interface Community {
  readonly id: number;
  /** Member ids, highest PageRank first. */
  readonly members: readonly string[];
}

export interface NetworkSummary {
  readonly nodes: number;
  readonly edges: number;
  readonly density: number;
  readonly components: number;
  readonly largestComponent: number;
  /** Longest shortest path (in hops) between two connected nodes. */
  readonly diameter: number;
  /** Mean shortest path (in hops) over all connected pairs. */
  readonly averagePathLength: number;
  readonly communities: number;
  readonly modularity: number;
}

export interface NetworkResult {
  readonly inputs: NetworkInputs;
  readonly summary: NetworkSummary;
  /** Every node with its measures, highest PageRank first. */
  readonly nodes: readonly NodeMeasures[];
  readonly edges: readonly NetworkEdge[];
  readonly communities: readonly Community[];
  readonly components: readonly (readonly string[])[];
  readonly bridges: readonly NetworkEdge[];
  readonly articulationPoints: readonly string[];
  readonly similarity: readonly SimilarityPair[];
  /** The analysed graph, measures and communities set as node attributes (for the exports). */
  readonly graph: NetworkGraph;
}

export const DEFAULT_SEED = 42;
const LOUVAIN_RESOLUTION = 1;
const PAGERANK = { alpha: 0.85, maxIterations: 1000, tolerance: 1e-6 } as const;
const EIGENVECTOR = { maxIterations: 1000, tolerance: 1e-6 } as const;

/** Renumbers groups 1..k by size (largest first), ties by their smallest member id: stable across runs. */
function numberGroups(groups: readonly (readonly string[])[]): Map<string, number> {
  const sorted = groups
    .map((g) => [...g].sort())
    .sort((a, b) => b.length - a.length || ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1));
  const ids = new Map<string, number>();
  sorted.forEach((group, i) => {
    for (const member of group) ids.set(member, i + 1);
  });
  return ids;
}

/**
 * Diameter and mean shortest path over every connected ordered pair: one breadth-first search from
 * each node over an index-numbered adjacency in typed arrays. (graphology's singleSourceLength gives
 * the same lengths as an object keyed by id per source: 94 s against about 1 s on a two-mode
 * projection of 7,247 nodes and 11,212 edges.)
 */
function pathLengths(graph: NetworkGraph): { diameter: number; average: number } {
  const ids = graph.nodes();
  const index = new Map(ids.map((id, i) => [id, i]));
  const start = new Int32Array(ids.length + 1);
  ids.forEach((id, i) => {
    start[i + 1] = (start[i] as number) + graph.neighbors(id).length;
  });
  const adjacent = new Int32Array(start[ids.length] as number);
  ids.forEach((id, i) => {
    let at = start[i] as number;
    for (const other of graph.neighbors(id)) adjacent[at++] = index.get(other) as number;
  });
  const depth = new Int32Array(ids.length);
  const queue = new Int32Array(ids.length);
  let diameter = 0;
  let total = 0;
  let pairs = 0;
  for (let source = 0; source < ids.length; source++) {
    depth.fill(-1);
    depth[source] = 0;
    queue[0] = source;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const node = queue[head++] as number;
      const next = (depth[node] as number) + 1;
      for (let k = start[node] as number; k < (start[node + 1] as number); k++) {
        const other = adjacent[k] as number;
        if (depth[other] !== -1) continue;
        depth[other] = next;
        queue[tail++] = other;
        total += next;
        pairs++;
        if (next > diameter) diameter = next;
      }
    }
  }
  return { diameter, average: pairs === 0 ? 0 : total / pairs };
}

/**
 * Analyses one projection of the knowledge graph: centrality measures, Louvain communities (seeded:
 * the same input gives the same partition on every run), components, bridges and articulation
 * points, Jaccard similarity of organisations, and a summary. Pure: no I/O, same input, same output.
 */
export function analyseNetwork(
  data: GraphView,
  options: ProjectionOptions,
  seed: number = DEFAULT_SEED,
  onProgress: (step: string) => void = () => undefined,
): NetworkResult {
  onProgress('building the projection');
  const graph = buildProjection(data, options);
  onProgress('similarity');
  const similarity = jaccardSimilarity(data, options);
  return measureNetwork(graph, options, seed, similarity, onProgress);
}

/** Measures an already built network (see analyseNetwork); the graph gets the measures as node attributes. */
export function measureNetwork(
  graph: NetworkGraph,
  options: ProjectionOptions,
  seed: number = DEFAULT_SEED,
  similarity: readonly SimilarityPair[] = [],
  onProgress: (step: string) => void = () => undefined,
): NetworkResult {
  const weighted = { getEdgeWeight: 'weight' } as const;

  onProgress('centrality measures');
  const betweenness =
    graph.size > 0 ? betweennessCentrality(graph, { normalized: true, getEdgeWeight: null }) : {};
  // graphology-metrics' closeness throws on a graph with no nodes (an empty projection: a period
  // with no funding); an empty network is an empty answer, not an error.
  const closeness = graph.order > 0 ? closenessCentrality(graph, { wassermanFaust: true }) : {};
  const rank = graph.order > 0 ? pagerank(graph, { ...weighted, ...PAGERANK }) : {};
  let eigen: Record<string, number> | null = null;
  try {
    eigen = graph.size > 0 ? eigenvectorCentrality(graph, { ...weighted, ...EIGENVECTOR }) : null;
  } catch {
    // Power iteration does not converge on some graphs (bipartite ones, for instance): report null.
    eigen = null;
  }

  onProgress('communities and components');
  const partition =
    graph.size > 0
      ? louvain.detailed(graph, {
          ...weighted,
          resolution: LOUVAIN_RESOLUTION,
          rng: seedrandom(String(seed)),
        })
      : { communities: Object.fromEntries(graph.nodes().map((n, i) => [n, i])), modularity: 0 };
  const louvainGroups = new Map<number, string[]>();
  for (const [node, community] of Object.entries(partition.communities)) {
    const members = louvainGroups.get(community);
    if (members) members.push(node);
    else louvainGroups.set(community, [node]);
  }
  const communityOf = numberGroups([...louvainGroups.values()]);
  const components = connectedComponents(graph);
  const componentOf = numberGroups(components);

  onProgress('bridges, articulation points and path lengths');
  const cuts = cutStructure(graph);
  const bridgeKeys = new Set(cuts.bridges.map(([key]) => key));
  const points = new Set(cuts.articulationPoints);
  const { diameter, average } = pathLengths(graph);

  const nodes: NodeMeasures[] = graph
    .nodes()
    .map((id) => {
      const attrs = graph.getNodeAttributes(id);
      const measures: NodeMeasures = {
        id,
        label: attrs.label,
        kind: attrs.kind,
        category: attrs.category,
        degree: graph.degree(id),
        weightedDegree: graph.edges(id).reduce((sum, e) => sum + graph.getEdgeAttribute(e, 'weight'), 0),
        betweenness: betweenness[id] ?? 0,
        closeness: closeness[id] ?? 0,
        eigenvector: eigen ? (eigen[id] ?? 0) : null,
        pagerank: rank[id] ?? 0,
        community: communityOf.get(id) ?? 0,
        component: componentOf.get(id) ?? 0,
        articulationPoint: points.has(id),
      };
      graph.mergeNodeAttributes(id, measures as unknown as Partial<typeof attrs>);
      return measures;
    })
    .sort((a, b) => b.pagerank - a.pagerank || (a.id < b.id ? -1 : 1));

  const edges: NetworkEdge[] = graph
    .edges()
    .map((key) => {
      const bridge = bridgeKeys.has(key);
      graph.setEdgeAttribute(key, 'bridge' as 'weight', bridge as unknown as number);
      return {
        key,
        source: graph.source(key),
        target: graph.target(key),
        weight: graph.getEdgeAttribute(key, 'weight'),
        ties: graph.getEdgeAttribute(key, 'ties'),
        bridge,
      };
    })
    .sort((a, b) => (a.key < b.key ? -1 : 1));

  const rankOf = new Map(nodes.map((n) => [n.id, n.pagerank]));
  const byRank = (a: string, b: string) => (rankOf.get(b) ?? 0) - (rankOf.get(a) ?? 0) || (a < b ? -1 : 1);
  const membersOf = new Map<number, string[]>();
  for (const [node, id] of communityOf) {
    const members = membersOf.get(id);
    if (members) members.push(node);
    else membersOf.set(id, [node]);
  }
  const communities = [...membersOf.entries()]
    .sort(([a], [b]) => a - b)
    .map(([id, members]) => ({ id, members: members.sort(byRank) }));

  const inputs: NetworkInputs = {
    projection: options.projection,
    weighting: options.weighting,
    period: options.period,
    kinds: [...options.kinds],
    seed,
    algorithms: [
      { name: 'degree', parameters: { weighted: false } },
      { name: 'weighted degree', parameters: { weight: options.weighting } },
      { name: 'betweenness (graphology-metrics)', parameters: { normalized: true, weighted: false } },
      { name: 'closeness (graphology-metrics)', parameters: { wassermanFaust: true, weighted: false } },
      {
        name: 'eigenvector (graphology-metrics)',
        parameters: { ...EIGENVECTOR, weighted: true, converged: eigen !== null },
      },
      { name: 'pagerank (graphology-metrics)', parameters: { ...PAGERANK, weighted: true } },
      {
        name: 'louvain (graphology-communities-louvain)',
        parameters: { resolution: LOUVAIN_RESOLUTION, weighted: true, rng: 'seedrandom', seed },
      },
      { name: 'connected components (graphology-components)', parameters: {} },
      { name: 'bridges and articulation points (Tarjan)', parameters: {} },
      {
        name: 'jaccard similarity',
        parameters: {
          over: 'programmes and projects tied to',
          kinds: options.kinds.join(','),
          pairsKept: SIMILARITY_PAIRS_KEPT,
        },
      },
    ],
  };

  return {
    inputs,
    summary: {
      nodes: graph.order,
      edges: graph.size,
      density: graph.order > 1 ? undirectedDensity(graph) : 0,
      components: components.length,
      largestComponent: Math.max(0, ...components.map((c) => c.length)),
      diameter,
      averagePathLength: average,
      communities: communities.length,
      modularity: partition.modularity,
    },
    nodes,
    edges,
    communities,
    components: [...components].map((c) => [...c].sort(byRank)).sort((a, b) => b.length - a.length),
    bridges: edges.filter((e) => e.bridge),
    articulationPoints: cuts.articulationPoints,
    similarity,
    graph,
  };
}
