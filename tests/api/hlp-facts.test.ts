import { describe, expect, it } from 'vitest';
import { ENGINES_UNDER_TEST } from '../support/env.js';
import { servedGraph } from '../support/harness.js';

/**
 * Facts of the HLP reports, asked of the real graph through GraphQL, with the reports' own values.
 * The report and lines each expectation comes from are noted beside it.
 */
const id = (type: string, key: string) => Buffer.from(`${type}:${key}`).toString('base64');

interface Edge<N = { name: string }> {
  node: N;
  amount: { value: number };
  fundingKind: string;
  status: string;
  evidence: { source: string; firstLine: number }[];
}

describe.each(ENGINES_UNDER_TEST)('the HLP graph answers from the reports on %s', (engine) => {
  const api = servedGraph(engine, { seeds: 'real' });
  const { store } = api;

  it('one node per real thing: the ids a programme had per report, and as a project, all find one node holding every period', async () => {
    const cyp = ['', '-2015-16', '-2017-18', '-2019-20'].map((suffix) =>
      id('Programme', `prog.children-and-young-people${suffix}`),
    );
    const thrive = [
      id('Programme', 'prog.thrive-ldn'),
      id('Programme', 'prog.thrive-2019-20'),
      id('Project', 'proj.thrive-ldn'),
    ];
    const data = await api.gqlData<{
      nodes: {
        __typename: string;
        seedId: string;
        formerSeedIds: string[];
        alsoCalled: string | null;
        relationships: { edges: { period: string | null }[] };
      }[];
      programmes: { edges: { node: { name: string } }[] };
    }>(
      `query($ids: [ID!]!) {
        nodes(ids: $ids) { __typename ... on Programme { seedId formerSeedIds alsoCalled relationships(first: 100) { edges { period } } } }
        programmes(filter: { nameContains: "children and young people" }) { edges { node { name } } }
      }`,
      { ids: [...cyp, ...thrive] },
    );
    const [first, ...rest] = data.nodes.slice(0, 4);
    expect(first?.seedId).toBe('prog.children-and-young-people');
    for (const node of rest) expect(node).toEqual(first);
    expect(first?.formerSeedIds).toEqual(
      expect.arrayContaining([
        'prog.children-and-young-people-2015-16',
        'prog.children-and-young-people-2017-18',
        'prog.children-and-young-people-2019-20',
      ]),
    );
    // The periods live on its facts, not in separate nodes.
    const periods = new Set(first?.relationships.edges.map((e) => e.period));
    expect([...periods]).toEqual(expect.arrayContaining(['2015/16', '2017/18', '2019/20']));
    // One programme of that name (another, Workforce for Children and Young People, is its own).
    expect(data.programmes.edges.map((e) => e.node.name).sort()).toEqual([
      'Children and young people',
      'Workforce for Children and Young People',
    ]);
    // Thrive LDN, called a programme (004's table) and a project (the five-year report): one node.
    const thriveNodes = data.nodes.slice(4);
    expect(thriveNodes.map((n) => [n.__typename, n.seedId, n.alsoCalled])).toEqual([
      ['Programme', 'prog.thrive-ldn', 'Project'],
      ['Programme', 'prog.thrive-ldn', 'Project'],
      ['Programme', 'prog.thrive-ldn', 'Project'],
    ]);
  });

  it('who funded Thrive in 2019/20, and how much each (004, Thrive funding table, lines 793-795)', async () => {
    const data = await api.gqlData<{
      node: { name: string; funders: { edges: Edge[] }; totalFunding: { value: number } };
    }>(
      `query($id: ID!) { node(id: $id) { ... on Programme { name
        funders(period: "2019/20") { edges { node { name } amount { value } fundingKind status evidence { source firstLine } } }
        totalFunding(period: "2019/20") { value } } } }`,
      { id: id('Programme', 'prog.thrive-2019-20') },
    );
    // Asked by the id the 2019/20 programme had before Thrive LDN became one node (project and
    // programme): it finds the merged node, whose 2019/20 funders are the same.
    expect(data.node.name).toBe('Thrive LDN');
    expect(
      data.node.funders.edges.map((e) => [e.node.name, e.amount.value, e.fundingKind, e.status]),
    ).toEqual([
      ['Greater London Authority', 1245000, 'ATTRACTED', 'SINGLE'],
      // Core CCG funding is stated twice, in the summary (line 71) and in Thrive's table (line 793).
      ['London CCGs', 420000, 'CORE', 'CORROBORATED'],
      ['London CCGs', 420000, 'CORE', 'CORROBORATED'],
      ['London boroughs', 220000, 'ATTRACTED', 'SINGLE'],
      ['NHS England (London)', 71500, 'ADDITIONAL', 'SINGLE'],
      ['UoL', 30000, 'ATTRACTED', 'SINGLE'],
    ]);
    expect(data.node.funders.edges[0]?.evidence).toEqual([
      { source: '004_9bafb96c93e2c09d.txt', firstLine: 794 },
    ]);
    // The two reports of one £420,000 line count once: 1,245,000 + 420,000 + 220,000 + 71,500 + 30,000.
    expect(data.node.totalFunding.value).toBe(1986500);
  });

  it('answers for every merged node what its parts answered: found by each former id, with facts of several periods', async () => {
    const graph = await store.readGraph();
    const merged = graph.nodes.filter(
      (n) => ((n.properties['formerIds'] as string[] | null) ?? []).length > 0,
    );
    expect(merged.length).toBeGreaterThanOrEqual(15);
    for (const node of merged) {
      const former = node.properties['formerIds'] as string[];
      const data = await api.gqlData<{
        nodes: ({
          seedId: string;
          relationships: { edges: { relationship: { period: string | null } }[] };
        } | null)[];
      }>(
        `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Entity { seedId
          relationships(first: 100) { edges { relationship { period } } } } } }`,
        { ids: [node.id, ...former] },
      );
      // Every former id (as a seed id) finds the one node, with the same relationships.
      expect(
        data.nodes.map((n) => n?.seedId),
        node.id,
      ).toEqual([node.id, ...former].map(() => node.id));
      for (const n of data.nodes) expect(n).toEqual(data.nodes[0]);
      // The facts of the parts are on it: a node merged from several periods' records holds facts of several.
      const periods = new Set(data.nodes[0]?.relationships.edges.map((e) => e.relationship.period));
      expect(periods.size, `${node.id}: ${[...periods].join(', ')}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('which partners co-funded an outcome, with each one’s money (004: 257K from providers, 182K national NHSE, line 170)', async () => {
    const data = await api.gqlData<{
      coFunding: {
        outcome: { name: string };
        funderCount: number;
        total: { value: number };
        funders: {
          organisation: { name: string };
          amount: { value: number };
          lines: {
            from: { name: string };
            amount: { value: number } | null;
            jointGroup: string | null;
            lineRole: string | null;
          }[];
        }[];
      }[];
    }>(`{ coFunding(minFunders: 2) { outcome { name } funderCount total { value } funders { organisation { name } amount { value }
        lines { from { name } amount { value } jointGroup lineRole } } } }`);
    const quality = data.coFunding.find((c) => c.outcome.name === 'Increased quality of care');
    expect(quality).toBeDefined();
    const funders = new Map(quality?.funders.map((f) => [f.organisation.name, f.amount.value]));
    expect([...funders.keys()].sort()).toEqual(
      expect.arrayContaining(['London CCGs', 'London NHS trusts', 'NHS England', 'NHS England (London)']),
    );
    expect(funders.get('London NHS trusts')).toBe(257000);
    expect(funders.get('NHS England')).toBe(182000);
    // The total is the funders' money, a sum given jointly once (each funder's amount counts it).
    const joint = new Map<string, { funders: Set<string>; amount: number }>();
    for (const line of quality?.funders.flatMap((f) => f.lines) ?? []) {
      if (line.jointGroup === null || line.lineRole === 'TOTAL') continue;
      const group = joint.get(line.jointGroup) ?? {
        funders: new Set<string>(),
        amount: line.amount?.value ?? 0,
      };
      group.funders.add(line.from.name);
      joint.set(line.jointGroup, group);
    }
    const repeated = [...joint.values()].reduce((s, g) => s + (g.funders.size - 1) * g.amount, 0);
    expect(quality?.total.value).toBe([...funders.values()].reduce((s, v) => s + v, 0) - repeated);
    // Every co-funded outcome has at least two funders, most funders first.
    expect(data.coFunding.every((c) => c.funderCount >= 2)).toBe(true);
    // Asked without funders, the same outcomes, counts and totals come summed by the store.
    const summed = await api.gqlData<{
      coFunding: { outcome: { name: string }; funderCount: number; total: { value: number } }[];
    }>(`{ coFunding(minFunders: 2) { outcome { name } funderCount total { value } } }`);
    expect(summed.coFunding).toEqual(
      data.coFunding.map((c) => ({ outcome: c.outcome, funderCount: c.funderCount, total: c.total })),
    );
  });

  it('a path between the London Fire Brigade and the GLA, which share no direct relationship, with evidence on each hop', async () => {
    const data = await api.gqlData<{
      lfb: { relationships: { edges: { node: { name: string } }[] } };
      path: {
        length: number;
        paths: {
          hops: {
            from: { name: string };
            to: { name: string };
            relationship: { kind: string };
            evidence: { source: string }[];
          }[];
        }[];
      };
    }>(
      `query($lfb: ID!, $gla: ID!) {
        lfb: node(id: $lfb) { ... on Entity { relationships(first: 100) { edges { node { name } } } } }
        path(from: $lfb, to: $gla, maxHops: 4, first: 5) { length paths { hops { from { name } to { name } relationship { kind } evidence { source } } } }
      }`,
      {
        lfb: id('Organisation', 'org.london-fire-brigade'),
        gla: id('Organisation', 'org.greater-london-authority'),
      },
    );
    expect(data.lfb.relationships.edges.map((e) => e.node.name)).not.toContain('Greater London Authority');
    expect(data.path.length).toBe(3);
    const first = data.path.paths[0];
    expect(first?.hops[0]?.from.name).toBe('London Fire Brigade');
    expect(first?.hops.at(-1)?.to.name).toBe('Greater London Authority');
    for (const path of data.path.paths) {
      expect(path.hops).toHaveLength(3);
      for (const hop of path.hops) expect(hop.evidence.length).toBeGreaterThan(0);
    }
  });

  it('an award and its winner (000, lines 1403-1404)', async () => {
    const data = await api.gqlData<{
      awards: { edges: { node: { name: string; year: number; result: string; winner: { name: string } } }[] };
    }>(`{ awards(year: 2019, result: WON) { edges { node { name year result winner { name } } } } }`);
    expect(data.awards.edges.map((e) => e.node)).toContainEqual({
      name: 'Homeless Link Excellence Awards 2019 – Communicating for change',
      year: 2019,
      result: 'WON',
      winner: { name: 'My right to access healthcare cards' },
    });
  });

  it('a search by an abbreviation finds the full entity: LFB, NHSEL', async () => {
    const data = await api.gqlData<{
      lfb: { node: { name: string }; matched: string; matchedAlias: boolean }[];
      nhsel: { node: { name: string } }[];
    }>(`{ lfb: search(text: "LFB", first: 1) { node { name } matched matchedAlias }
         nhsel: search(text: "NHSEL", kinds: [ORGANISATION], first: 1) { node { name } } }`);
    expect(data.lfb).toEqual([{ node: { name: 'London Fire Brigade' }, matched: 'LFB', matchedAlias: true }]);
    expect(data.nhsel).toEqual([{ node: { name: 'NHS England (London)' } }]);
  });

  it('a figure with its qualifier (000: over 1.5 million reached by "Are we ok London?")', async () => {
    const data = await api.gqlData<{
      node: { value: number; valueText: string; qualifier: string; unit: string };
    }>(`query($id: ID!) { node(id: $id) { ... on Metric { value valueText qualifier unit } } }`, {
      id: id('Metric', 'metric.are-we-ok-london-reach'),
    });
    expect(data.node).toEqual({
      value: 1500000,
      valueText: '1.5 million',
      qualifier: 'over',
      unit: 'people',
    });
  });

  it('a figure two reports disagree on keeps both values, each with its evidence (003 line 288: 17 years; 001 lines 127-129: up to 15)', async () => {
    const data = await api.gqlData<{
      node: {
        valueText: string;
        qualifier: string | null;
        status: string;
        evidence: { source: string; firstLine: number }[];
        conflictsWith: {
          valueText: string;
          qualifier: string | null;
          evidence: { source: string; firstLine: number }[];
        }[];
      };
    }>(
      `query($id: ID!) { node(id: $id) { ... on Metric { valueText qualifier status evidence { source firstLine }
        conflictsWith { valueText qualifier evidence { source firstLine } } } } }`,
      { id: id('Metric', 'metric.smi-mortality-gap') },
    );
    expect(data.node).toEqual({
      valueText: '17 years',
      qualifier: null,
      status: 'CONFLICTING',
      evidence: [{ source: '003_b0f40e3e773c1110.txt', firstLine: 288 }],
      conflictsWith: [
        {
          valueText: '15 years',
          qualifier: 'up to',
          evidence: [{ source: '001_49c4f6bfe52a8cec.txt', firstLine: 127 }],
        },
      ],
    });
  });
});
