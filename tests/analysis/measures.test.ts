import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { measureNetwork, type NetworkResult } from '../../src/analysis/analyse.js';
import type {
  NetworkEdgeAttributes,
  NetworkNodeAttributes,
  ProjectionOptions,
} from '../../src/analysis/projection.js';

const OPTIONS: ProjectionOptions = {
  projection: 'organisations',
  weighting: 'count',
  period: null,
  kinds: ['FUNDS'],
};

function graphOf(edges: readonly [string, string][]) {
  const graph = new UndirectedGraph<NetworkNodeAttributes, NetworkEdgeAttributes>();
  for (const [a, b] of edges) {
    for (const n of [a, b])
      if (!graph.hasNode(n)) graph.addNode(n, { label: n, kind: 'Organisation', category: '' });
    graph.addUndirectedEdgeWithKey(`${a}|${b}`, a, b, { weight: 1, ties: 1 });
  }
  return graph;
}

const measures = (result: NetworkResult, id: string) => result.nodes.find((n) => n.id === id);
const round = (x: number | null | undefined) =>
  x === null || x === undefined ? x : Math.round(x * 1e6) / 1e6;

describe('network measures on graphs whose values are known by hand', () => {
  it('a path a - b - c', () => {
    const result = measureNetwork(
      graphOf([
        ['a', 'b'],
        ['b', 'c'],
      ]),
      OPTIONS,
    );
    expect(result.nodes.map((n) => [n.id, n.degree, round(n.betweenness), round(n.closeness)])).toEqual([
      // b first: the highest PageRank.
      ['b', 2, 1, 1],
      ['a', 1, 0, round(2 / 3)],
      ['c', 1, 0, round(2 / 3)],
    ]);
    expect(result.summary).toMatchObject({ nodes: 3, edges: 2, components: 1, diameter: 2 });
    expect(round(result.summary.density)).toBe(round(2 / 3));
    expect(round(result.summary.averagePathLength)).toBe(round(4 / 3));
    expect(result.bridges.map((e) => e.key)).toEqual(['a|b', 'b|c']);
    expect(result.articulationPoints).toEqual(['b']);
  });

  it('a star: the centre carries every shortest path and is the only cut node', () => {
    const result = measureNetwork(
      graphOf([
        ['s', 'l1'],
        ['s', 'l2'],
        ['s', 'l3'],
        ['s', 'l4'],
      ]),
      OPTIONS,
    );
    const centre = measures(result, 's');
    expect(centre).toMatchObject({
      degree: 4,
      weightedDegree: 4,
      betweenness: 1,
      closeness: 1,
      articulationPoint: true,
    });
    expect(measures(result, 'l1')).toMatchObject({ degree: 1, betweenness: 0, articulationPoint: false });
    expect(round(measures(result, 'l1')?.closeness)).toBe(round(4 / 7));
    expect(result.nodes[0]?.id).toBe('s');
    expect(result.summary).toMatchObject({ nodes: 5, edges: 4, diameter: 2, components: 1 });
    expect(round(result.summary.averagePathLength)).toBe(round(32 / 20));
    expect(result.bridges).toHaveLength(4);
    expect(result.articulationPoints).toEqual(['s']);
  });

  const twoCliques = () => {
    const edges: [string, string][] = [];
    for (const side of ['a', 'b']) {
      for (let i = 1; i <= 4; i++)
        for (let j = i + 1; j <= 4; j++) edges.push([`${side}${i}`, `${side}${j}`]);
    }
    edges.push(['a1', 'b1']);
    return graphOf(edges);
  };

  it('two cliques joined by a bridge: two communities, one bridge, two cut nodes', () => {
    const result = measureNetwork(twoCliques(), OPTIONS);
    expect(result.communities.map((c) => [...c.members].sort())).toEqual([
      ['a1', 'a2', 'a3', 'a4'],
      ['b1', 'b2', 'b3', 'b4'],
    ]);
    // Modularity of that split, by hand: 2 x (6/13 - (13/26)^2) = 12/13 - 1/2.
    expect(round(result.summary.modularity)).toBe(round(12 / 13 - 1 / 2));
    expect(result.bridges.map((e) => e.key)).toEqual(['a1|b1']);
    expect(result.articulationPoints).toEqual(['a1', 'b1']);
    // a1 lies on the only shortest path of the 3 x 4 pairs between a2..a4 and b1..b4; normalised
    // over the 21 pairs of the other 7 nodes.
    expect(round(measures(result, 'a1')?.betweenness)).toBe(round((3 * 4) / 21));
    expect(measures(result, 'a2')?.betweenness).toBe(0);
    expect(result.summary).toMatchObject({ nodes: 8, edges: 13, components: 1, diameter: 3 });
  });

  it('Louvain gives the same partition in two runs with the same seed', () => {
    const first = measureNetwork(twoCliques(), OPTIONS, 7);
    const second = measureNetwork(twoCliques(), OPTIONS, 7);
    expect(second.communities).toEqual(first.communities);
    expect(second.nodes.map((n) => [n.id, n.community])).toEqual(first.nodes.map((n) => [n.id, n.community]));
    expect(first.inputs.seed).toBe(7);
    expect(first.inputs.algorithms.find((a) => a.name.startsWith('louvain'))?.parameters).toMatchObject({
      seed: 7,
    });
  });

  it('counts components separately and measures paths inside them only', () => {
    const result = measureNetwork(
      graphOf([
        ['a', 'b'],
        ['c', 'd'],
        ['d', 'e'],
      ]),
      OPTIONS,
    );
    expect(result.summary).toMatchObject({ components: 2, largestComponent: 3, diameter: 2 });
    expect(result.components).toEqual(
      [
        ['d', 'c', 'e'],
        ['a', 'b'],
      ].map((c) => expect.arrayContaining(c)),
    );
  });
});
