import { describe, expect, it } from 'vitest';
import { ENGINES_UNDER_TEST } from '../support/env.js';
import { servedGraph } from '../support/harness.js';

interface NetworkData {
  network: {
    summary: { nodes: number; edges: number; communities: number };
    nodes: { edges: { node: { node: { name: string }; pagerank: number } }[] };
    communities: { id: number; members: { name: string }[] }[];
    bridges: { source: { name: string }; target: { name: string } }[];
  };
  fundingTotals: { node: { name: string }; counterparts: number }[];
}

const QUERY = `{
  network(projection: ORGANISATIONS, weight: FUNDING) {
    summary { nodes edges communities }
    nodes(first: 3, orderBy: PAGERANK) { edges { node { node { name } pagerank } } }
    communities { id members { name } }
    bridges { source { name } target { name } }
  }
  fundingTotals(groupBy: FUNDER) { node { name } counterparts }
}`;

describe.each(ENGINES_UNDER_TEST)('the partnership network of the HLP graph on %s', (engine) => {
  const api = servedGraph(engine, { seeds: 'real' });
  /** A new service on the same store, for each answer that must not come from an earlier one's memory. */
  const fresh = () => api.with({});

  it('ranks first by PageRank, in the shared-funding network, the partner the reports show funding the most programmes', async () => {
    const data = await api.gqlData<NetworkData>(QUERY);
    const mostFunded = [...data.fundingTotals].sort((a, b) => b.counterparts - a.counterparts);
    // The London CCGs' core funding reaches every programme of 2019/20 (004, Funding and Impact Summary).
    expect(mostFunded[0]?.node.name).toBe('London CCGs');
    expect(data.network.nodes.edges[0]?.node.node.name).toBe('London CCGs');
    // The top three by PageRank are all among the five organisations funding the most programmes.
    const topFunders = mostFunded.slice(0, 5).map((f) => f.node.name);
    for (const e of data.network.nodes.edges) expect(topFunders).toContain(e.node.node.name);
    // Only organisations that put money in are in the shared-funding network.
    expect(data.network.summary.nodes).toBeLessThanOrEqual(data.fundingTotals.length);
  });

  it('finds communities and bridges, the same on every call and in a fresh service', async () => {
    // The two-mode funding network: organisations and the programmes their money goes to.
    const twoMode = QUERY.replace('projection: ORGANISATIONS', 'projection: TWO_MODE');
    const first = await fresh().gqlData<NetworkData>(twoMode);
    const again = await fresh().gqlData<NetworkData>(twoMode);
    expect(first.network.communities.length).toBeGreaterThan(1);
    // A funder with a single funded programme hangs on one bridge: Macmillan funds only the cancer
    // programme (Transforming Cancer Services in 2019/20, one node with its earlier years).
    expect(first.network.bridges).toContainEqual({
      source: { name: 'Macmillan Cancer Support' },
      target: { name: 'Cancer' },
    });
    expect(again.network).toEqual(first.network);
    const shared = await fresh().gqlData<NetworkData>(QUERY);
    expect(shared.network.communities.length).toBeGreaterThan(1);
  });
});
