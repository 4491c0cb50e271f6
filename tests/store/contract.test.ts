import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphData } from '../../src/model/records.js';
import { checkSeeds } from '../../src/seed/load-seeds.js';
import { StoreError } from '../../src/store/errors.js';
import type { GraphStore } from '../../src/store/port.js';
import { ENGINES, FIXTURE_SEEDS } from '../helpers/env.js';
import { openEmptyStore } from '../helpers/store.js';

const fixture = checkSeeds(FIXTURE_SEEDS);

describe.each(ENGINES)('store contract on %s', (engine) => {
  let store: GraphStore;

  beforeAll(async () => {
    store = await openEmptyStore(engine);
    await store.replaceGraph(fixture.graph, fixture.hash);
  });
  afterAll(async () => {
    await store?.close();
  });

  it('returns nodes in key order with null for an id that matches nothing', async () => {
    const found = await store.nodesByIds(['proj.calm-app', 'org.nobody', 'org.alpha-ccgs', 'proj.calm-app']);
    expect(found.map((n) => n?.id ?? null)).toEqual([
      'proj.calm-app',
      null,
      'org.alpha-ccgs',
      'proj.calm-app',
    ]);
    expect(found[2]).toEqual({
      id: 'org.alpha-ccgs',
      kind: 'Organisation',
      name: 'Alpha CCGs',
      aliases: ['ACCG'],
      properties: { category: 'ccg' },
      evidence: [
        { source: '004_9bafb96c93e2c09d.txt', lines: [60, 60], section: 'Funding and Impact Summary' },
      ],
    });
  });

  it('answers an empty batch with an empty list', async () => {
    expect(await store.nodesByIds([])).toEqual([]);
    expect(await store.countsByKinds([])).toEqual([]);
  });

  it('counts nodes per kind in key order, 0 for a kind with none', async () => {
    expect(await store.countsByKinds(['Organisation', 'Award', 'Programme'])).toEqual([5, 1, 2]);
  });

  it('pages nodes of a kind by name then id, forwards and from the end', async () => {
    const first = await store.nodesPage({ kind: 'Organisation', limit: 2 });
    expect(first.map((n) => n.name)).toEqual(['Alpha CCGs', 'Beta NHS Region']);
    const last = first[first.length - 1];
    if (!last) throw new Error('no page');
    const next = await store.nodesPage({ kind: 'Organisation', after: last, limit: 10 });
    expect(next.map((n) => n.name)).toEqual(['Delta Charity', 'Epsilon Council', 'Gamma Fire Brigade']);
    const fromEnd = await store.nodesPage({ kind: 'Organisation', limit: 2, fromEnd: true });
    expect(fromEnd.map((n) => n.name)).toEqual(['Gamma Fire Brigade', 'Epsilon Council']);
    const between = await store.nodesPage({
      kind: 'Organisation',
      after: { name: 'Alpha CCGs', id: 'org.alpha-ccgs' },
      before: { name: 'Epsilon Council', id: 'org.epsilon-council' },
      limit: 10,
    });
    expect(between.map((n) => n.id)).toEqual(['org.beta-nhs', 'org.delta-charity']);
  });

  it('reads back exactly the graph it was given: nodes, edges, properties and evidence', async () => {
    const read = await store.readGraph();
    expect(read.nodes).toEqual(fixture.graph.nodes);
    expect(read.edges).toEqual(fixture.graph.edges);
    const funds = read.edges.find((e) => e.id === 'funds:org.beta-nhs:prog.mind:2019/20:additional');
    expect(funds?.properties).toMatchObject({ amount: 45000.5, currency: 'GBP', fundingKind: 'additional' });
  });

  it('records what the graph was loaded from', async () => {
    expect((await store.graphVersion())?.seedHash).toBe(fixture.hash);
  });

  it('replacing the graph twice leaves the same nodes and edges', async () => {
    await store.replaceGraph(fixture.graph, fixture.hash);
    await store.replaceGraph(fixture.graph, fixture.hash);
    const read = await store.readGraph();
    expect(read.nodes.length).toBe(fixture.graph.nodes.length);
    expect(read.edges.length).toBe(fixture.graph.edges.length);
  });

  it('when a write fails half-way, the store keeps what it had', async () => {
    const before = await store.readGraph();
    const broken: GraphData = {
      nodes: fixture.graph.nodes.slice(0, 5),
      edges: [...fixture.graph.edges],
    };
    await expect(store.replaceGraph(broken, 'broken')).rejects.toBeInstanceOf(StoreError);
    expect(await store.readGraph()).toEqual(before);
    expect((await store.graphVersion())?.seedHash).toBe(fixture.hash);
  });

  it('answers a ping', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });
});
