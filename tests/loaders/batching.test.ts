import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/store/port.js';
import { countingStore } from '../helpers/counting-store.js';
import { ENGINES } from '../helpers/env.js';
import { appFor, gqlData } from '../helpers/graphql.js';
import { wideSeeds } from '../helpers/seeds.js';
import { openFixtureStore } from '../helpers/store.js';

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

describe.each(ENGINES)('batching on %s', (engine) => {
  let store: GraphStore;

  beforeAll(async () => {
    store = await openFixtureStore(engine, wideSeeds());
  });
  afterAll(async () => {
    await store?.close();
  });

  it('doubling first: leaves the number of store calls for a nested query unchanged', async () => {
    const counting = countingStore(store);
    const app = appFor(counting.store, engine);
    const small = await gqlData<Nested>(app, NESTED, { n: 2 });
    const smallCalls = Object.fromEntries(counting.calls);
    counting.reset();
    const large = await gqlData<Nested>(app, NESTED, { n: 4 });
    const largeCalls = Object.fromEntries(counting.calls);
    const leaves = (d: Nested) =>
      d.programmes.edges.flatMap((p) => p.node.funders.edges.flatMap((f) => f.node.funded.edges)).length;
    expect(leaves(small)).toBe(8);
    expect(leaves(large)).toBe(64);
    expect(largeCalls).toEqual(smallCalls);
    // One call for the root list, then at most one edges call and one nodes call per level below it
    // (four levels), however many nodes each level holds.
    expect(largeCalls['nodesByKinds']).toBe(1);
    expect(largeCalls['edgesOfNodes']).toBe(4);
    expect(largeCalls['nodesByIds']).toBeLessThanOrEqual(4);
  });
});
