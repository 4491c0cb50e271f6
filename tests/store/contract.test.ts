import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '../../src/model/graph-model.js';
import type { GraphData } from '../../src/model/records.js';
import { checkSeeds } from '../../src/seed/load-seeds.js';
import { StoreError } from '../../src/store/errors.js';
import type { CoFundingLine, ListQuery, RelatedQuery } from '../../src/store/port.js';
import { ENGINES_UNDER_TEST, FIXTURE_SEEDS } from '../support/env.js';
import { loadedStore } from '../support/harness.js';
import { wideSeeds } from '../support/seeds.js';

const fixture = checkSeeds(FIXTURE_SEEDS);

/** A page of FUNDS relationships, largest first, from the start: what the relationship tests vary. */
function fundsQuery(overrides: Partial<RelatedQuery>): RelatedQuery {
  return {
    edgeKinds: ['FUNDS'],
    direction: 'in',
    otherKinds: [...NODE_KINDS],
    role: null,
    period: null,
    order: 'amount',
    sortDirection: 'desc',
    after: null,
    before: null,
    size: 1,
    from: 'start',
    withEvidence: false,
    projection: 'all',
    withCount: false,
    ...overrides,
  };
}

describe.each(ENGINES_UNDER_TEST)('store contract on %s', (engine) => {
  const { store } = loadedStore(engine, { seeds: 'fixture' });

  it('returns nodes in key order with null for an id that matches nothing, evidence only when asked', async () => {
    const found = await store.nodesByIds(
      ['proj.calm-app', 'org.nobody', 'org.alpha-ccgs', 'proj.calm-app', 'x'],
      false,
    );
    expect(found.map((n) => n?.id ?? null)).toEqual([
      'proj.calm-app',
      null,
      'org.alpha-ccgs',
      'proj.calm-app',
      null,
    ]);
    expect(found[2]).toEqual({
      id: 'org.alpha-ccgs',
      kind: 'Organisation',
      name: 'Alpha CCGs',
      aliases: ['ACCG'],
      // The facts, then what the store derived at load: the name rank and the funding aggregates.
      properties: {
        category: 'ccg',
        formerIds: [],
        nameRank: 2,
        fundingGiven: 661000,
        fundedCount: 2,
        coFundedOutcomes: 1,
      },
    });
    const [withEvidence] = await store.nodesByIds(['org.alpha-ccgs'], true);
    expect(withEvidence?.evidence).toEqual([
      { source: '004_9bafb96c93e2c09d.txt', lines: [60, 60], section: 'Funding and Impact Summary' },
    ]);
  });

  it('answers an empty batch with an empty list', async () => {
    expect(await store.nodesByIds([], false)).toEqual([]);
    expect(await store.countsByKinds([])).toEqual([]);
  });

  it('counts nodes per kind in key order, 0 for a kind with none', async () => {
    expect(await store.countsByKinds(['Organisation', 'Award', 'Programme'])).toEqual([5, 1, 2]);
    expect(await store.edgeCountsByKinds(['FUNDS', 'CHAIRS', 'PART_OF'])).toEqual([4, 0, 2]);
  });

  it('cuts one page of a root list in the database, in name order, forwards and backwards', async () => {
    const page = (query: Partial<ListQuery>) =>
      store.listPage({
        kind: 'Organisation',
        filter: {},
        order: 'name',
        direction: 'asc',
        after: null,
        before: null,
        size: 2,
        from: 'start',
        withEvidence: false,
        projection: 'all',
        withCount: false,
        ...query,
      });
    const first = await page({});
    expect(first.items.map((i) => i.node.name)).toEqual(['Alpha CCGs', 'Beta NHS Region']);
    expect(first.more).toBe(true);
    const next = await page({ after: first.items[1]?.key ?? null });
    expect(next.items.map((i) => i.node.name)).toEqual(['Delta Charity', 'Epsilon Council']);
    const last = await page({ from: 'end' });
    expect(last.items.map((i) => i.node.name)).toEqual(['Epsilon Council', 'Gamma Fire Brigade']);
    const byFunding = await page({ order: 'fundingGiven', direction: 'desc', size: 3 });
    expect(byFunding.items.map((i) => [i.node.name, i.key.value])).toEqual([
      ['Alpha CCGs', 661000],
      ['Beta NHS Region', 45000.5],
      ['Gamma Fire Brigade', 0],
    ]);
    const filtered = await page({ filter: { nameContains: 'beta', categories: ['nhs_london'] }, size: 5 });
    expect(filtered.items.map((i) => i.node.id)).toEqual(['org.beta-nhs']);
    expect(await store.listCount('Organisation', { minFunded: 1 })).toBe(2);
    // Counted with the page, in the same statement, where the engine has counted list texts (Neo4j;
    // on Kuzu a page and a count of its own are faster, and total stays null): the filtered count
    // whatever the page's size, order or end; none for a page after a cursor; 0 when nothing passes.
    const countedHere = (n: number) => (engine === 'neo4j' ? n : null);
    expect(first.total).toBeNull();
    for (const query of [
      {},
      { from: 'end' as const },
      { order: 'fundingGiven' as const, direction: 'desc' as const, size: 1 },
      { projection: 'core' as const },
    ]) {
      const counted = await page({ ...query, withCount: true });
      expect(counted.total).toBe(countedHere(await store.listCount('Organisation', {})));
      expect(counted.items).toEqual((await page(query)).items);
    }
    expect((await page({ filter: { minFunded: 1 }, size: 1, withCount: true })).total).toBe(countedHere(2));
    expect((await page({ filter: { nameContains: 'nothing like it' }, withCount: true })).total).toBe(
      countedHere(0),
    );
    expect((await page({ after: first.items[1]?.key ?? null, withCount: true })).total).toBeNull();
  });

  it('reads a relationship field for a batch of parents, each page ordered and cut in the database', async () => {
    const query = fundsQuery({ direction: 'in', otherKinds: ['Organisation'], size: 1, withEvidence: true });
    const [mind, nobody, body] = await store.relatedPages(query, ['prog.mind', 'org.nobody', 'prog.body']);
    expect(mind?.rows.map((r) => [r.node.name, r.edge.properties['amount'], r.outgoing])).toEqual([
      ['Alpha CCGs', 562000, false],
    ]);
    expect(mind?.more).toBe(true);
    expect(mind?.rows[0]?.edge.evidence?.[0]?.source).toBe('004_9bafb96c93e2c09d.txt');
    expect(nobody).toEqual({ rows: [], more: false, total: null });
    expect(body?.rows.map((r) => r.edge.from)).toEqual(['org.alpha-ccgs']);
    const rest = await store.relatedPages({ ...query, after: mind?.rows[0]?.key ?? null }, ['prog.mind']);
    expect(rest[0]?.rows.map((r) => r.node.name)).toEqual(['Beta NHS Region']);
    expect(await store.relatedCounts(query, ['prog.mind', 'prog.body', 'org.nobody'])).toEqual([2, 2, 0]);
    // Counted with the page, in the same statement: the same totals; after a cursor, not counted.
    const counted = await store.relatedPages({ ...query, withCount: true }, [
      'prog.mind',
      'prog.body',
      'org.nobody',
    ]);
    expect(counted.map((p) => p.total)).toEqual([2, 2, 0]);
    for (const parents of [['prog.mind'], ['prog.mind', 'prog.body']]) {
      const [one] = await store.relatedPages({ ...query, withCount: true }, parents);
      expect(one?.total).toBe(2);
      expect(one?.rows.map((r) => r.node.name)).toEqual(mind?.rows.map((r) => r.node.name));
    }
    const later = await store.relatedPages({ ...query, withCount: true, after: mind?.rows[0]?.key ?? null }, [
      'prog.mind',
    ]);
    expect(later[0]?.total).toBeNull();
    // Both directions and several kinds: one statement per kind and direction, merged in order.
    const [mindAll] = await store.relatedPages(
      {
        ...query,
        edgeKinds: ['FUNDS', 'LEADS', 'PART_OF'],
        direction: 'both',
        otherKinds: [...NODE_KINDS],
        order: 'kind',
        sortDirection: 'asc',
        size: 10,
      },
      ['prog.mind'],
    );
    expect(mindAll?.rows.map((r) => `${r.edge.kind} ${r.edge.from}->${r.edge.to}`)).toEqual([
      'FUNDS org.alpha-ccgs->prog.mind',
      'FUNDS org.beta-nhs->prog.mind',
      'LEADS person.ada-lead->prog.mind',
      'PART_OF proj.calm-app->prog.mind',
    ]);
  });

  it('reads the core of a page when asked: the same rows and core values, nothing else', async () => {
    const base = fundsQuery({ direction: 'out', otherKinds: [...NODE_KINDS], size: 5 });
    const parents = ['org.alpha-ccgs', 'org.beta-nhs'];
    for (const batch of [parents.slice(0, 1), parents]) {
      const all = await store.relatedPages(base, batch);
      const core = await store.relatedPages({ ...base, projection: 'core' }, batch);
      const facts = (page: (typeof all)[number] | undefined) =>
        page?.rows.map((r) => [
          r.edge.id,
          r.edge.properties['amount'],
          r.edge.properties['period'],
          r.edge.properties['fundingKind'],
          r.node.id,
          r.node.name,
          r.key,
        ]);
      expect(core.map(facts)).toEqual(all.map(facts));
      expect(all[0]?.rows.some((r) => r.edge.properties['amountText'] !== null)).toBe(true);
      expect(core[0]?.rows.every((r) => r.edge.properties['amountText'] === null)).toBe(true);
    }
    const list = (projection: 'core' | 'all') =>
      store.listPage({
        kind: 'Programme',
        filter: {},
        order: 'name',
        direction: 'desc',
        after: null,
        before: null,
        size: 5,
        from: 'start',
        withEvidence: false,
        projection,
        withCount: false,
      });
    const [all, core] = [await list('all'), await list('core')];
    expect(core.items.map((i) => [i.node.id, i.node.name, i.node.properties['period'], i.key])).toEqual(
      all.items.map((i) => [i.node.id, i.node.name, i.node.properties['period'], i.key]),
    );
    expect(all.items.some((i) => typeof i.node.properties['funderCount'] === 'number')).toBe(true);
    expect(core.items.every((i) => i.node.properties['funderCount'] === null)).toBe(true);
  });

  it('reads only names of a page when asked: the same rows, ids, names and keys, nothing else', async () => {
    const base = fundsQuery({ direction: 'out', otherKinds: [...NODE_KINDS], size: 5 });
    const parents = ['org.alpha-ccgs', 'org.beta-nhs'];
    for (const batch of [parents.slice(0, 1), parents]) {
      for (const withCount of [false, true]) {
        const all = await store.relatedPages({ ...base, withCount }, batch);
        const names = await store.relatedPages({ ...base, withCount, projection: 'names' }, batch);
        const facts = (page: (typeof all)[number] | undefined) => [
          page?.total,
          page?.rows.map((r) => [r.edge.id, r.edge.kind, r.node.id, r.node.kind, r.node.name, r.key]),
        ];
        expect(names.map(facts)).toEqual(all.map(facts));
        expect(all[0]?.rows.some((r) => typeof r.edge.properties['amount'] === 'number')).toBe(true);
        expect(names[0]?.rows.every((r) => r.edge.properties['amount'] === null)).toBe(true);
        expect(names[0]?.rows.every((r) => r.edge.properties['period'] === null)).toBe(true);
      }
    }
  });

  it('sums funding per group, counting a conflict group once at its lowest and highest value', async () => {
    const byFunder = await store.fundingTotals({ groupBy: 'funder' });
    expect(byFunder).toEqual([
      {
        key: 'org.alpha-ccgs',
        currency: 'GBP',
        low: 661000,
        high: 682000,
        lines: 2,
        edges: 3,
        counterparts: 2,
      },
      {
        key: 'org.beta-nhs',
        currency: 'GBP',
        low: 45000.5,
        high: 45000.5,
        lines: 1,
        edges: 1,
        counterparts: 1,
      },
    ]);
    const byKind = await store.fundingTotals({ groupBy: 'kind', period: '2019/20' });
    expect(byKind.map((r) => [r.key, r.low, r.high])).toEqual([
      ['additional', 45000.5, 45000.5],
      ['core', 661000, 682000],
    ]);
    expect(await store.fundingTotals({ groupBy: 'target', fundingKind: 'attracted' })).toEqual([]);
  });

  it('counts a funding line recorded against two different nodes once in its funder’s total, and a total broken into shares through its shares', async () => {
    const funds = fixture.graph.edges.find((e) => e.id === 'funds:org.alpha-ccgs:prog.mind:2019/20:core');
    if (!funds) throw new Error('fixture changed');
    const line = (id: string, to: string, amount: number, extra: Record<string, string>) => ({
      ...funds,
      id,
      to,
      properties: {
        ...funds.properties,
        amount,
        conflictGroup: null,
        lineRole: null,
        breakdownOf: null,
        ...extra,
      },
    });
    const graph = {
      nodes: fixture.graph.nodes,
      edges: [
        // One line reported twice, once against each programme: counts once for Alpha (low 100, high 150).
        line('f1', 'prog.mind', 100, { conflictGroup: 'g', status: 'conflicting' }),
        line('f2', 'prog.body', 150, { conflictGroup: 'g', status: 'conflicting' }),
        // A total of 1,000 broken into shares of 600 and 400: counted as 1,000, once.
        line('f3', 'prog.mind', 1000, { lineRole: 'total' }),
        line('f4', 'prog.mind', 600, { lineRole: 'share', breakdownOf: 'f3' }),
        line('f5', 'prog.body', 400, { lineRole: 'share', breakdownOf: 'f3' }),
      ],
    };
    await store.replaceGraph(graph, 'totals');
    try {
      expect(await store.fundingTotals({ groupBy: 'funder' })).toEqual([
        {
          key: 'org.alpha-ccgs',
          currency: 'GBP',
          low: 1100,
          high: 1150,
          lines: 3,
          edges: 4,
          counterparts: 2,
        },
      ]);
      expect((await store.fundingTotals({ groupBy: 'target' })).map((r) => [r.key, r.low, r.high])).toEqual([
        ['prog.body', 550, 550],
        ['prog.mind', 700, 700],
      ]);
    } finally {
      await store.replaceGraph(fixture.graph, fixture.hash);
    }
  });

  it('follows funding through programmes and their projects to outcomes', async () => {
    const rows = await store.coFundingLines({
      partner: null,
      outcome: null,
      via: null,
      period: null,
      withEvidence: false,
    });
    const facts = (lines: readonly CoFundingLine[]) =>
      lines
        .map((r) => [
          r.outcome,
          r.via,
          r.contributor,
          r.status,
          r.funding.from,
          r.funding.properties['amount'],
        ])
        .sort();
    const expected = [
      ['outcome.calmer-londoners', 'prog.mind', 'proj.calm-app', 'achieved', 'org.alpha-ccgs', 562000],
      ['outcome.calmer-londoners', 'prog.mind', 'proj.calm-app', 'achieved', 'org.beta-nhs', 45000.5],
    ];
    expect(facts(rows)).toEqual(expected);
    expect(
      facts(
        await store.coFundingLines({
          partner: 'org.beta-nhs',
          outcome: null,
          via: null,
          period: null,
          withEvidence: false,
        }),
      ),
    ).toEqual(expected);
    const [calmer, none] = await store.coFundingLinesOfOutcomes(
      ['outcome.calmer-londoners', 'outcome.nothing'],
      null,
      false,
    );
    expect(facts(calmer ?? [])).toEqual(expected);
    expect(none).toEqual([]);
    const [alpha, delta] = await store.coFundersOf(['org.alpha-ccgs', 'org.delta-charity'], null, false);
    expect(
      alpha?.map((r) => [r.coFunder.id, r.via, r.own.properties['amount'], r.other.properties['amount']]),
    ).toEqual([['org.beta-nhs', 'prog.mind', 562000, 45000.5]]);
    expect(delta).toEqual([]);
  });

  it('finds the shortest paths between two nodes, and none beyond maxHops', async () => {
    const paths = await store.shortestPaths({
      from: 'org.gamma-brigade',
      to: 'org.delta-charity',
      maxHops: 6,
      limit: 5,
    });
    expect(paths).toEqual([
      {
        nodeIds: ['org.gamma-brigade', 'proj.safe-visits', 'org.delta-charity'],
        edgeIds: [
          ['delivers:org.gamma-brigade:proj.safe-visits'],
          ['partners_with:org.delta-charity:proj.safe-visits'],
        ],
      },
    ]);
    expect(
      await store.shortestPaths({ from: 'org.gamma-brigade', to: 'org.delta-charity', maxHops: 1, limit: 5 }),
    ).toEqual([]);
    expect(
      await store.shortestPaths({ from: 'org.gamma-brigade', to: 'org.nobody', maxHops: 6, limit: 5 }),
    ).toEqual([]);
  });

  it('reads back exactly the graph it was given: nodes, edges, properties and evidence', async () => {
    const read = await store.readGraph();
    expect(read.nodes).toEqual(fixture.graph.nodes);
    expect(read.edges).toEqual(fixture.graph.edges);
    const funds = read.edges.find((e) => e.id === 'funds:org.beta-nhs:prog.mind:2019/20:additional');
    expect(funds?.properties).toMatchObject({ amount: 45000.5, currency: 'GBP', fundingKind: 'additional' });
  });

  it('reads every funding line in id order, with its facts, its evidence and both ends by id, kind and name', async () => {
    const lines = await store.fundingLines();
    const funds = fixture.graph.edges
      .filter((e) => e.kind === 'FUNDS')
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    expect(funds.length).toBeGreaterThan(3);
    expect(lines.map((l) => l.line)).toEqual(funds);
    const nodes = new Map(fixture.graph.nodes.map((n) => [n.id, n]));
    for (const { funder, recipient, line } of lines) {
      expect(funder).toEqual({ id: line.from, kind: 'Organisation', name: nodes.get(line.from)?.name });
      expect(recipient).toEqual({
        id: line.to,
        kind: nodes.get(line.to)?.kind,
        name: nodes.get(line.to)?.name,
      });
    }
  });

  it("reads a network projection's ties: only relationships of the kinds and period, from an organisation to a programme or project", async () => {
    const kindOf = new Map(fixture.graph.nodes.map((n) => [n.id, n.kind]));
    const expected = (kinds: readonly string[], period: string | null) =>
      fixture.graph.edges
        .filter(
          (e) =>
            kinds.includes(e.kind) &&
            (period === null || e.properties['period'] === period) &&
            kindOf.get(e.from) === 'Organisation' &&
            ['Programme', 'Project'].includes(kindOf.get(e.to) ?? ''),
        )
        .map((e) => e.id)
        .sort();
    const all = await store.readNetworkTies(['FUNDS', 'LEADS', 'DELIVERS', 'PARTNERS_WITH'], null);
    expect(all.edges.map((e) => e.id)).toEqual(
      expected(['FUNDS', 'LEADS', 'DELIVERS', 'PARTNERS_WITH'], null),
    );
    expect(all.edges.length).toBeGreaterThan(3);
    const funds = await store.readNetworkTies(['FUNDS'], '2019/20');
    expect(funds.edges.map((e) => e.id)).toEqual(expected(['FUNDS'], '2019/20'));
    // What the projection weighs by, and each end once with its name and kind.
    expect(funds.edges.find((e) => e.id === 'funds:org.beta-nhs:prog.mind:2019/20:additional')).toMatchObject(
      {
        kind: 'FUNDS',
        from: 'org.beta-nhs',
        to: 'prog.mind',
        properties: { amount: 45000.5, currency: 'GBP', period: '2019/20' },
      },
    );
    const ends = new Set(funds.edges.flatMap((e) => [e.from, e.to]));
    expect(funds.nodes.map((n) => n.id)).toEqual([...ends].sort());
    expect(funds.nodes.find((n) => n.id === 'prog.mind')).toMatchObject({
      kind: 'Programme',
      name: 'Mind Programme',
    });
    expect(await store.readNetworkTies([], null)).toEqual({ nodes: [], edges: [] });
    expect((await store.readNetworkTies(['FUNDS'], '1999/00')).edges).toEqual([]);
  });

  it('gives a merged record for its former ids, under its own id; null for an id no record ever had', async () => {
    const found = await store.nodesByIds(
      ['prog.mind-2018-19', 'proj.mind-pilot', 'prog.mind', 'prog.never-was', 'prog.mind-2018-19'],
      false,
    );
    expect(found.map((n) => n?.id ?? null)).toEqual([
      'prog.mind',
      'prog.mind',
      'prog.mind',
      null,
      'prog.mind',
    ]);
    expect(found[0]?.kind).toBe('Programme');
    expect(found[0]?.properties['formerIds']).toEqual(['prog.mind-2018-19', 'proj.mind-pilot']);
    expect((await store.nodesByIds(['org.alpha-ccgs'], false))[0]?.properties['formerIds']).toEqual([]);
  });

  it('records what the graph was loaded from', async () => {
    expect((await store.graphVersion())?.seedHash).toBe(fixture.hash);
  });

  it('knows of no other load once its own has ended, and of nothing a load left', async () => {
    expect(await store.loadInProgress()).toBeNull();
    expect(await store.leftByLoads()).toBeNull();
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

  it('a request reader starts no statement after its deadline: STORE_TIMEOUT', async () => {
    const reader = store.openReader({ deadlineMs: 1000 });
    try {
      expect(await reader.countsByKinds(['Organisation'])).toEqual([5]);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await expect(reader.countsByKinds(['Organisation'])).rejects.toMatchObject({ code: 'STORE_TIMEOUT' });
      expect(reader.stats().statements).toBe(1);
    } finally {
      await reader.close();
    }
  });

  it('answers a ping', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });
});

describe.each(ENGINES_UNDER_TEST)('shortest paths when there are many on %s', (engine) => {
  const { store } = loadedStore(engine, { seeds: wideSeeds });

  it('keeps the same first paths whatever the limit, in one stable order', async () => {
    const all = await store.shortestPaths({ from: 'org.o00', to: 'org.o01', maxHops: 4, limit: 20 });
    // Every programme both fund is a shortest path of two hops: eight of them.
    expect(all).toHaveLength(8);
    expect(all.map((p) => p.nodeIds[1])).toEqual([
      'prog.p00',
      'prog.p01',
      'prog.p02',
      'prog.p03',
      'prog.p04',
      'prog.p05',
      'prog.p06',
      'prog.p07',
    ]);
    expect(await store.shortestPaths({ from: 'org.o00', to: 'org.o01', maxHops: 4, limit: 3 })).toEqual(
      all.slice(0, 3),
    );
  });
});
