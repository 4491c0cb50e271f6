import { UndirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { amountOrZero, countsInSums, fundingLineKey } from '../model/funding-lines.js';
import type { EdgeKind } from '../model/graph-model.js';
import { edgeString } from '../model/properties.js';
import type { EdgeView, GraphView, NodeView } from '../model/records.js';

/** Which network to build from the knowledge graph. */
export type ProjectionKind = 'two-mode' | 'organisations';
/** What an edge's weight counts: money (funding amounts) or ties (how many relationships). */
export type Weighting = 'funding' | 'count';

export interface ProjectionOptions {
  readonly projection: ProjectionKind;
  readonly weighting: Weighting;
  /** Only relationships reported for this period; null for all. */
  readonly period: string | null;
  /** The relationship kinds that tie an organisation to a programme or project. */
  readonly kinds: readonly EdgeKind[];
}

/** Ties counted by default: an organisation funds, leads or delivers a programme or project. */
export const DEFAULT_TIE_KINDS: readonly EdgeKind[] = ['FUNDS', 'LEADS', 'DELIVERS'];
/** Relationship kinds that can tie an organisation to work. */
export const TIE_KINDS: readonly EdgeKind[] = ['FUNDS', 'LEADS', 'DELIVERS', 'PARTNERS_WITH'];

export interface NetworkNodeAttributes {
  readonly label: string;
  readonly kind: NodeView['kind'];
  readonly category: string;
  // Written by analyse.ts once measured, for the GEXF and GraphML exports (NodeMeasures says what each is).
  degree?: number;
  weightedDegree?: number;
  betweenness?: number;
  closeness?: number;
  eigenvector?: number | null;
  pagerank?: number;
  community?: number;
  component?: number;
  articulationPoint?: boolean;
}

export interface NetworkEdgeAttributes {
  weight: number;
  /** How many relationships (two-mode) or shared programmes and projects (one-mode) the edge stands for. */
  ties: number;
  /** Written by analyse.ts: whether removing the edge splits its component. */
  bridge?: boolean;
}

export type NetworkGraph = AbstractGraph<NetworkNodeAttributes, NetworkEdgeAttributes>;

interface Tie {
  readonly org: string;
  readonly work: string;
  readonly edge: EdgeView;
}

/**
 * The ties between organisations and the programmes or projects they fund, lead or deliver: one per
 * relationship of the chosen kinds (and period), a funding line reported twice being one (its lowest
 * figure). With funding weights only money ties count: FUNDS lines with an amount, a total broken
 * into shares counting through its shares, as every sum in the service counts them
 * (model/funding-lines.ts).
 */
function ties(graph: GraphView, options: ProjectionOptions): Tie[] {
  const kinds = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  const lowest = new Map<string, EdgeView>();
  const out: Tie[] = [];
  for (const edge of graph.edges) {
    if (!options.kinds.includes(edge.kind)) continue;
    if (options.period && edge.properties['period'] !== options.period) continue;
    if (kinds.get(edge.from) !== 'Organisation') continue;
    const target = kinds.get(edge.to);
    if (target !== 'Programme' && target !== 'Project') continue;
    if (
      options.weighting === 'funding' &&
      (edge.kind !== 'FUNDS' || !countsInSums(edge) || amountOrZero(edge) <= 0)
    ) {
      continue;
    }
    if (edge.kind === 'FUNDS') {
      // Two reports of one funding line are one tie; a sum several funders gave jointly is a tie
      // for each of them (as sums by funder count it under each).
      const joint = edgeString(edge, 'conflictGroup') === null && edgeString(edge, 'jointGroup') !== null;
      const key = joint ? `${fundingLineKey(edge)}:${edge.from}` : fundingLineKey(edge);
      const seen = lowest.get(key);
      if (!seen || amountOrZero(edge) < amountOrZero(seen)) lowest.set(key, edge);
      continue;
    }
    out.push({ org: edge.from, work: edge.to, edge });
  }
  for (const edge of lowest.values()) out.push({ org: edge.from, work: edge.to, edge });
  return out.sort((a, b) => (a.edge.id < b.edge.id ? -1 : 1));
}

function attributes(node: NodeView): NetworkNodeAttributes {
  const category = node.properties['category'];
  return { label: node.name, kind: node.kind, category: typeof category === 'string' ? category : '' };
}

function tieWeight(tie: Tie, weighting: Weighting): number {
  return weighting === 'funding' ? amountOrZero(tie.edge) : 1;
}

/**
 * Builds the network for analysis, an undirected graphology graph:
 * - two-mode: organisations and the programmes and projects they are tied to; an edge's weight is
 *   the money (funding) or the number of relationships (count) between the two;
 * - organisations: one-mode, two organisations joined when they are tied to the same programme or
 *   project; the weight is the money both put into the programmes they share (funding) or the
 *   number of programmes and projects they share (count).
 * Nodes without a tie (one-mode: organisations without a shared tie) are left out; with funding
 * weights, ties that carry no money are left out too. Nodes and edges are added in id order, so the
 * same input always gives the same graph.
 */
export function buildProjection(graph: GraphView, options: ProjectionOptions): NetworkGraph {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const all = ties(graph, options);
  const network: NetworkGraph = new UndirectedGraph<NetworkNodeAttributes, NetworkEdgeAttributes>();
  const addNode = (id: string) => {
    const node = byId.get(id);
    if (node && !network.hasNode(id)) network.addNode(id, attributes(node));
  };
  if (options.projection === 'two-mode') {
    for (const tie of [...all].sort((a, b) => (a.org + a.work < b.org + b.work ? -1 : 1))) {
      addNode(tie.org);
      addNode(tie.work);
    }
    for (const tie of all) {
      const key = `${tie.org}|${tie.work}`;
      if (network.hasEdge(key)) {
        network.updateEdgeAttributes(key, (a) => ({
          weight: a.weight + tieWeight(tie, options.weighting),
          ties: a.ties + 1,
        }));
      } else {
        network.addUndirectedEdgeWithKey(key, tie.org, tie.work, {
          weight: tieWeight(tie, options.weighting),
          ties: 1,
        });
      }
    }
    return dropUnweighted(network);
  }
  // One-mode: for each programme or project, the money each organisation put in (or 1 per tie).
  const byWork = new Map<string, Map<string, number>>();
  for (const tie of all) {
    const contributions = byWork.get(tie.work) ?? new Map<string, number>();
    contributions.set(tie.org, (contributions.get(tie.org) ?? 0) + amountOrZero(tie.edge));
    byWork.set(tie.work, contributions);
  }
  const orgs = [...new Set(all.map((t) => t.org))].sort();
  for (const org of orgs) addNode(org);
  for (const [, contributions] of [...byWork.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const members = [...contributions.keys()].sort();
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const a = members[i] as string;
        const b = members[j] as string;
        const money = (contributions.get(a) ?? 0) + (contributions.get(b) ?? 0);
        const weight = options.weighting === 'funding' ? money : 1;
        const key = `${a}|${b}`;
        if (network.hasEdge(key)) {
          network.updateEdgeAttributes(key, (e) => ({ weight: e.weight + weight, ties: e.ties + 1 }));
        } else {
          network.addUndirectedEdgeWithKey(key, a, b, { weight, ties: 1 });
        }
      }
    }
  }
  return dropUnweighted(network);
}

/**
 * With funding weights, a tie that carries no money (leading, delivering, a share of unfunded work)
 * is no funding tie: it goes, and so does a node left without ties. (Weights of 0 would also leave
 * PageRank nothing to distribute and stop it converging.)
 */
function dropUnweighted(network: NetworkGraph): NetworkGraph {
  for (const edge of network.filterEdges((_e, attrs) => attrs.weight <= 0)) network.dropEdge(edge);
  for (const node of network.filterNodes((n) => network.degree(n) === 0)) network.dropNode(node);
  return network;
}
