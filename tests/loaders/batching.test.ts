import { describe, expect, it } from 'vitest';
import { ENGINES_UNDER_TEST } from '../support/env.js';
import { servedGraph } from '../support/harness.js';
import { wideSeeds } from '../support/seeds.js';

// Four levels under a root list: programmes, their funders, what those fund (largest first: other
// programmes than the root page's), and those programmes' projects with their partners.
const NESTED = `query Nested($n: Int!) {
  programmes(first: $n) { edges { node {
    name
    funders(first: $n) { edges { amount { value } evidence { source } node {
      name
      funded(first: $n) { edges { node { name ... on Programme {
        parts(first: $n) { edges { node { name ... on Project { partners(first: $n) { edges { node { name } } } } } } }
      } } } }
    } } }
  } } }
}`;

interface Nested {
  programmes: { edges: { node: { funders: { edges: { node: { funded: { edges: unknown[] } } }[] } } }[] };
}

describe.each(ENGINES_UNDER_TEST)('batching on %s', (engine) => {
  const api = servedGraph(engine, { seeds: wideSeeds, config: { HLP_STORE_STATS: 'on' } });

  it('doubling first: leaves the number of store statements for a nested query unchanged', async () => {
    const run = async (n: number) => {
      const response = await api.post(NESTED, { n });
      const body = response.body as { data: Nested };
      return { data: body.data, statements: Number(response.statements) };
    };
    const small = await run(2);
    const large = await run(4);
    const leaves = (d: Nested) =>
      d.programmes.edges.flatMap((p) => p.node.funders.edges.flatMap((f) => f.node.funded.edges)).length;
    expect(leaves(small.data)).toBe(8);
    expect(leaves(large.data)).toBe(64);
    expect(large.statements).toBe(small.statements);
    // One statement for the root list, then one per level below it (funders, what they fund, those
    // programmes' parts, the parts' partners): every parent of a level in one batch.
    expect(large.statements).toBe(5);
  });
});
