import { undirectedDensity } from 'graphology-metrics/graph/density.js';
import type { EdgeKind } from '../model/graph-model.js';
import type { GraphView } from '../model/records.js';
import { cutStructure } from './bridges.js';
import {
  betweennessOf,
  closenessOf,
  EIGENVECTOR,
  eigenvectorOf,
  PAGERANK,
  pagerankOf,
  type Scores,
  weightedDegreeOf,
} from './centrality.js';
import { componentsOf, type GroupNumbers, LOUVAIN_RESOLUTION, louvainCommunities } from './partitions.js';
import { pathLengths } from './path-lengths.js';
import {
  buildProjection,
  type NetworkGraph,
  type NetworkNodeAttributes,
  type ProjectionOptions,
} from './projection.js';
import { jaccardSimilarity, SIMILARITY_PAIRS_KEPT, type SimilarityPair } from './similarity.js';

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
  readonly kind: NetworkNodeAttributes['kind'];
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
  onProgress('centrality measures');
  const centrality: Centrality = {
    betweenness: betweennessOf(graph),
    closeness: closenessOf(graph),
    pagerank: pagerankOf(graph),
    eigenvector: eigenvectorOf(graph),
  };

  onProgress('communities and components');
  const { communityOf, modularity } = louvainCommunities(graph, seed);
  const { components, componentOf } = componentsOf(graph);

  onProgress('bridges, articulation points and path lengths');
  const cuts = cutStructure(graph);
  const { diameter, average } = pathLengths(graph);

  const groups = { communityOf, componentOf, articulationPoints: new Set(cuts.articulationPoints) };
  const nodes = nodeMeasures(graph, centrality, groups);
  const edges = networkEdges(graph, new Set(cuts.bridges.map(([key]) => key)));
  const byRank = rankOrder(nodes);
  const communities = communityMembers(communityOf, byRank);

  return {
    inputs: networkInputs(options, seed, centrality.eigenvector !== null),
    summary: {
      nodes: graph.order,
      edges: graph.size,
      density: graph.order > 1 ? undirectedDensity(graph) : 0,
      components: components.length,
      largestComponent: Math.max(0, ...components.map((c) => c.length)),
      diameter,
      averagePathLength: average,
      communities: communities.length,
      modularity,
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

interface Centrality {
  readonly betweenness: Scores;
  readonly closeness: Scores;
  readonly pagerank: Scores;
  readonly eigenvector: Scores | null;
}

interface NodeGroups {
  readonly communityOf: GroupNumbers;
  readonly componentOf: GroupNumbers;
  readonly articulationPoints: ReadonlySet<string>;
}

/** Every node's measures, highest PageRank first; each node also gets its measures as attributes. */
function nodeMeasures(graph: NetworkGraph, centrality: Centrality, groups: NodeGroups): NodeMeasures[] {
  const { betweenness, closeness, pagerank, eigenvector } = centrality;
  return graph
    .nodes()
    .map((id) => {
      const attrs = graph.getNodeAttributes(id);
      const measures: NodeMeasures = {
        id,
        label: attrs.label,
        kind: attrs.kind,
        category: attrs.category,
        degree: graph.degree(id),
        weightedDegree: weightedDegreeOf(graph, id),
        betweenness: betweenness[id] ?? 0,
        closeness: closeness[id] ?? 0,
        eigenvector: eigenvector ? (eigenvector[id] ?? 0) : null,
        pagerank: pagerank[id] ?? 0,
        community: groups.communityOf.get(id) ?? 0,
        component: groups.componentOf.get(id) ?? 0,
        articulationPoint: groups.articulationPoints.has(id),
      };
      const { id: _node, ...written } = measures;
      graph.mergeNodeAttributes(id, written);
      return measures;
    })
    .sort((a, b) => b.pagerank - a.pagerank || (a.id < b.id ? -1 : 1));
}

/** Every edge, in key order, marked (and given the attribute) `bridge` when it is one of `bridgeKeys`. */
function networkEdges(graph: NetworkGraph, bridgeKeys: ReadonlySet<string>): NetworkEdge[] {
  return graph
    .edges()
    .map((key) => {
      const bridge = bridgeKeys.has(key);
      graph.setEdgeAttribute(key, 'bridge', bridge);
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
}

/** Compares node ids by PageRank, highest first, ties by id. */
function rankOrder(nodes: readonly NodeMeasures[]): (a: string, b: string) => number {
  const rankOf = new Map(nodes.map((n) => [n.id, n.pagerank]));
  return (a, b) => (rankOf.get(b) ?? 0) - (rankOf.get(a) ?? 0) || (a < b ? -1 : 1);
}

/** The communities in number order, each with its members in `byRank` order. */
function communityMembers(communityOf: GroupNumbers, byRank: (a: string, b: string) => number): Community[] {
  const membersOf = new Map<number, string[]>();
  for (const [node, id] of communityOf) {
    const members = membersOf.get(id);
    if (members) members.push(node);
    else membersOf.set(id, [node]);
  }
  return [...membersOf.entries()]
    .sort(([a], [b]) => a - b)
    .map(([id, members]) => ({ id, members: members.sort(byRank) }));
}

/** What determined the result: the projection, the seed and every algorithm run with its parameters. */
function networkInputs(
  options: ProjectionOptions,
  seed: number,
  eigenvectorConverged: boolean,
): NetworkInputs {
  return {
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
        parameters: { ...EIGENVECTOR, weighted: true, converged: eigenvectorConverged },
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
}
