import { num, type Operation, obj } from './types.js';

const facts = (nodes: number, edges: number) => ({ nodes, edges });

/**
 * (i) The network summary of the two-mode projection (organisations and the programmes and projects
 * they fund, lead or deliver; weight by count) for one period, the busiest: the whole 100k graph's
 * first analysis (betweenness, closeness, diameter over every node) takes longer than the bench's
 * cold timeout, and the service caches it per graph version anyway. Cypher without a graph library counts nodes and edges
 * but has no Louvain, diameter or average path length: those are the service's alone, so only the
 * counts are compared and the raw figures are for the part Cypher can answer.
 */
export const networkSummary: Operation = {
  id: 'i',
  title: 'the network summary (two-mode, count, one period)',
  ours: {
    query: `query I($period: String!) {
  network(projection: TWO_MODE, weight: COUNT, period: $period) {
    summary { nodes edges density components largestComponent communities modularity diameter averagePathLength }
  }
}`,
    variables: (i) => ({ period: i.period }),
    facts(data) {
      const summary = obj(obj(obj(data, 'data')['network'], 'network')['summary'], 'summary');
      return facts(num(summary['nodes'], 'nodes'), num(summary['edges'], 'edges'));
    },
  },
  raw: {
    cypher: {
      neo4j: `MATCH (o:Organisation)-[r:FUNDS|LEADS|DELIVERS]->(w)
WHERE (w:Programme OR w:Project) AND r.period = $period
RETURN count(DISTINCT o) + count(DISTINCT w) AS nodes, count(DISTINCT [o.id, w.id]) AS edges`,
      kuzu: `MATCH (o:Organisation)-[r:FUNDS|LEADS|DELIVERS]->(w)
WHERE (label(w) = 'Programme' OR label(w) = 'Project') AND r.period = $period
RETURN count(DISTINCT o.id) + count(DISTINCT w.id) AS nodes, count(DISTINCT concat(o.id, '|', w.id)) AS edges`,
    },
    params: (i) => ({ period: i.period }),
    facts: ([row]) => facts(num(row?.['nodes'], 'nodes'), num(row?.['edges'], 'edges')),
  },
  neo4jGraphql: { unsupported: 'no aggregation across a projection: a network summary is outside its model' },
  known: {
    keys: [],
    reason:
      'raw Cypher answers only nodes and edges (no communities, diameter, path lengths without a graph library)',
  },
};
