import { describe, expect, it } from 'vitest';
import { ENGINES_UNDER_TEST } from '../support/env.js';
import { servedGraph } from '../support/harness.js';

const id = (type: string, key: string) => Buffer.from(`${type}:${key}`).toString('base64');

describe.each(ENGINES_UNDER_TEST)(
  'relationships, co-funding, paths and search over GraphQL on %s',
  (engine) => {
    // The buffer pool a deployment runs with (256 MB): a path request runs several path searches
    // (alternatives), each taking over 64 MB on Kuzu, and the tests' 128 MB fills after a few.
    const api = servedGraph(engine, { seeds: 'fixture', config: { HLP_KUZU_BUFFER_POOL_MB: '256' } });

    it('finds a merged record by its former id, under its own id and kind, and gives every node its seed id', async () => {
      const query = `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Entity { seedId formerSeedIds name
      relationships(first: 1) { totalCount } } } }`;
      const data = await api.gqlData<{
        nodes: ({
          __typename: string;
          id: string;
          seedId: string;
          formerSeedIds: string[];
          name: string;
        } | null)[];
      }>(query, {
        ids: [
          id('Programme', 'prog.mind'),
          id('Programme', 'prog.mind-2018-19'),
          // Merged from a project: the global id says Project, the node it finds is the Programme.
          id('Project', 'proj.mind-pilot'),
          id('Programme', 'prog.never-was'),
          id('Organisation', 'org.alpha-ccgs'),
        ],
      });
      const mind = data.nodes[0];
      expect(mind).toMatchObject({
        __typename: 'Programme',
        id: id('Programme', 'prog.mind'),
        seedId: 'prog.mind',
        formerSeedIds: ['prog.mind-2018-19', 'proj.mind-pilot'],
        name: 'Mind Programme',
      });
      expect(data.nodes[1]).toEqual(mind);
      expect(data.nodes[2]).toEqual(mind);
      expect(data.nodes[3]).toBeNull();
      expect(data.nodes[4]).toMatchObject({ seedId: 'org.alpha-ccgs', formerSeedIds: [] });

      // An argument that takes a node id takes a former id too: paths from the merged programme.
      const path = await api.gqlData<{ path: { from: { seedId: string } } }>(
        `query($from: ID!, $to: ID!) { path(from: $from, to: $to) { from { seedId } } }`,
        { from: id('Project', 'proj.mind-pilot'), to: id('Organisation', 'org.alpha-ccgs') },
      );
      expect(path.path.from.seedId).toBe('prog.mind');
    });

    it('takes seed ids wherever it takes global ids, for nodes and relationships, and gives relationships theirs', async () => {
      const data = await api.gqlData<{
        nodes: ({ __typename: string; id: string; seedId: string } | null)[];
        path: { from: { seedId: string }; to: { seedId: string } };
      }>(
        `query($ids: [ID!]!) {
        nodes(ids: $ids) { __typename id ... on Entity { seedId } ... on Relationship { seedId } }
        path(from: "proj.mind-pilot", to: "org.alpha-ccgs") { from { seedId } to { seedId } }
      }`,
        {
          ids: [
            'org.alpha-ccgs',
            'prog.mind-2018-19',
            'funds:org.alpha-ccgs:prog.mind:2019/20:core',
            'org.never-was',
          ],
        },
      );
      expect(data.nodes).toEqual([
        { __typename: 'Organisation', id: id('Organisation', 'org.alpha-ccgs'), seedId: 'org.alpha-ccgs' },
        { __typename: 'Programme', id: id('Programme', 'prog.mind'), seedId: 'prog.mind' },
        {
          __typename: 'Relationship',
          id: id('Relationship', 'funds:org.alpha-ccgs:prog.mind:2019/20:core'),
          seedId: 'funds:org.alpha-ccgs:prog.mind:2019/20:core',
        },
        null,
      ]);
      expect(data.path).toEqual({ from: { seedId: 'prog.mind' }, to: { seedId: 'org.alpha-ccgs' } });
      // A seed id of the wrong kind for an argument is refused as a global id of that kind is.
      const wrong = await api.gql(
        `{ path(from: "funds:org.alpha-ccgs:prog.mind:2019/20:core", to: "org.alpha-ccgs") { from { seedId } } }`,
      );
      expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('gives a programme its funders with amounts, kinds and evidence, largest first', async () => {
      const data = await api.gqlData<{ node: { funders: { totalCount: number; edges: unknown[] } } }>(
        `query($id: ID!) { node(id: $id) { ... on Programme {
        funders { totalCount edges { node { name } amount { value currency } amountText fundingKind period status
          evidence { source firstLine lastLine section } } }
      } } }`,
        { id: id('Programme', 'prog.mind') },
      );
      expect(data.node.funders).toEqual({
        totalCount: 2,
        edges: [
          {
            node: { name: 'Alpha CCGs' },
            amount: { value: 562000, currency: 'GBP' },
            amountText: '£562,000',
            fundingKind: 'CORE',
            period: '2019/20',
            status: 'SINGLE',
            evidence: [
              {
                source: '004_9bafb96c93e2c09d.txt',
                firstLine: 62,
                lastLine: 62,
                section: 'Funding and Impact Summary',
              },
            ],
          },
          {
            node: { name: 'Beta NHS Region' },
            amount: { value: 45000.5, currency: 'GBP' },
            amountText: '£45,000.50',
            fundingKind: 'ADDITIONAL',
            period: '2019/20',
            status: 'SINGLE',
            evidence: [
              {
                source: '004_9bafb96c93e2c09d.txt',
                firstLine: 63,
                lastLine: 63,
                section: 'Funding and Impact Summary',
              },
            ],
          },
        ],
      });
    });

    it('reads every relationship in both directions: funded, funders, partners, roles, winner, contributors', async () => {
      const data = await api.gqlData<Record<string, { [k: string]: unknown }>>(
        `query($alpha: ID!, $visits: ID!, $ada: ID!, $award: ID!, $outcome: ID!) {
        alpha: node(id: $alpha) { ... on Organisation { funded(orderBy: { field: NAME, direction: ASC }) { edges { node { __typename name } amount { value } status } } } }
        visits: node(id: $visits) { ... on Project { partners { edges { node { name } role } } deliverers { edges { node { name } role direction } } partOf { edges { node { name } } } } }
        ada: node(id: $ada) { ... on Person { roles { edges { node { name } kind role } } } }
        award: node(id: $award) { ... on Award { winner { name } year result } }
        outcome: node(id: $outcome) { ... on Outcome { contributors { edges { node { name } relationship { outcomeStatus } } } } }
      }`,
        {
          alpha: id('Organisation', 'org.alpha-ccgs'),
          visits: id('Project', 'proj.safe-visits'),
          ada: id('Person', 'person.ada-lead'),
          award: id('Award', 'award.test-award-2019'),
          outcome: id('Outcome', 'outcome.calmer-londoners'),
        },
      );
      expect(data['alpha']).toEqual({
        funded: {
          edges: [
            {
              node: { __typename: 'Programme', name: 'Body Programme' },
              amount: { value: 99000 },
              status: 'CONFLICTING',
            },
            {
              node: { __typename: 'Programme', name: 'Body Programme' },
              amount: { value: 120000 },
              status: 'CONFLICTING',
            },
            {
              node: { __typename: 'Programme', name: 'Mind Programme' },
              amount: { value: 562000 },
              status: 'SINGLE',
            },
          ],
        },
      });
      expect(data['visits']).toEqual({
        partners: { edges: [{ node: { name: 'Delta Charity' }, role: 'partner' }] },
        deliverers: {
          edges: [{ node: { name: 'Gamma Fire Brigade' }, role: 'delivery partner', direction: 'IN' }],
        },
        partOf: { edges: [{ node: { name: 'Body Programme' } }] },
      });
      expect(data['ada']).toEqual({
        roles: {
          edges: [
            { node: { name: 'Beta NHS Region' }, kind: 'WORKS_FOR', role: 'Programme Director' },
            { node: { name: 'Mind Programme' }, kind: 'LEADS', role: 'programme director' },
          ],
        },
      });
      expect(data['award']).toEqual({ winner: { name: 'Calm App' }, year: 2019, result: 'WON' });
      expect(data['outcome']).toEqual({
        contributors: {
          edges: [{ node: { name: 'Calm App' }, relationship: { outcomeStatus: 'achieved' } }],
        },
      });
    });

    it('answers one field asked twice over a list, under two aliases with other arguments, as each alone', async () => {
      // Every item of the list runs each alias with its own field nodes and arguments: the service
      // works a field's question out once per request and field, so two aliases must not share it.
      const fields = {
        byName:
          'funded(first: 1, orderBy: { field: NAME, direction: ASC }) { totalCount edges { node { id } } }',
        byAmount:
          'funded(first: 2, orderBy: { field: AMOUNT, direction: DESC }) { edges { cursor node { id name } amount { value } } }',
        partners: 'partners(last: 1) { edges { node { id } } }',
      };
      const list = (selection: string) =>
        `{ organisations(first: 20, orderBy: { field: NAME }) { edges { node { id ${selection} } } } }`;
      const together = await api.gqlData<{ organisations: { edges: { node: Record<string, unknown> }[] } }>(
        list(
          Object.entries(fields)
            .map(([alias, field]) => `${alias}: ${field}`)
            .join(' '),
        ),
      );
      const nodes = together.organisations.edges.map((e) => e.node);
      expect(nodes.length).toBeGreaterThan(3);
      expect(nodes.some((n) => (n['byAmount'] as { edges: unknown[] }).edges.length === 2)).toBe(true);
      for (const [alias, field] of Object.entries(fields)) {
        const alone = await api.gqlData<{ organisations: { edges: { node: Record<string, unknown> }[] } }>(
          list(`${alias}: ${field}`),
        );
        expect(nodes.map((n) => ({ id: n['id'], [alias]: n[alias] }))).toEqual(
          alone.organisations.edges.map((e) => e.node),
        );
      }
    });

    it('filters and pages a relationship field with cursors that stay valid', async () => {
      const q = `query($id: ID!, $after: String) { node(id: $id) { ... on Entity {
      relationships(first: 2, after: $after, direction: BOTH) { totalCount pageInfo { hasNextPage endCursor } edges { kind node { name } } }
    } } }`;
      type Rel = {
        node: {
          relationships: {
            totalCount: number;
            pageInfo: { hasNextPage: boolean; endCursor: string };
            edges: { kind: string; node: { name: string } }[];
          };
        };
      };
      const first = await api.gqlData<Rel>(q, { id: id('Programme', 'prog.mind') });
      expect(first.node.relationships.totalCount).toBe(4);
      expect(first.node.relationships.edges.map((e) => `${e.kind} ${e.node.name}`)).toEqual([
        'FUNDS Alpha CCGs',
        'FUNDS Beta NHS Region',
      ]);
      const second = await api.gqlData<Rel>(q, {
        id: id('Programme', 'prog.mind'),
        after: first.node.relationships.pageInfo.endCursor,
      });
      expect(second.node.relationships.edges.map((e) => `${e.kind} ${e.node.name}`)).toEqual([
        'LEADS Ada Lead',
        'PART_OF Calm App',
      ]);
      expect(second.node.relationships.pageInfo.hasNextPage).toBe(false);
      const funds = await api.gqlData<Rel>(
        `query($id: ID!) { node(id: $id) { ... on Entity { relationships(kinds: [LEADS], role: "DIRECTOR") { totalCount edges { kind node { name } } } } } }`,
        { id: id('Programme', 'prog.mind') },
      );
      expect(funds.node.relationships.edges.map((e) => e.node.name)).toEqual(['Ada Lead']);
    });

    it('answers which partners co-funded which outcomes, with amounts, evidence and the total', async () => {
      const data = await api.gqlData<{
        coFunding: unknown[];
      }>(`{ coFunding { outcome { name } via { name } contributors { name } funderCount total { value } totalHigh { value }
         funders { organisation { name } amount { value } lines { amount { value } fundingKind evidence { source firstLine } } } } }`);
      expect(data.coFunding).toEqual([
        {
          outcome: { name: 'Calmer Londoners' },
          via: [{ name: 'Mind Programme' }],
          contributors: [{ name: 'Calm App' }],
          funderCount: 2,
          total: { value: 607000.5 },
          totalHigh: { value: 607000.5 },
          funders: [
            {
              organisation: { name: 'Alpha CCGs' },
              amount: { value: 562000 },
              lines: [
                {
                  amount: { value: 562000 },
                  fundingKind: 'CORE',
                  evidence: [{ source: '004_9bafb96c93e2c09d.txt', firstLine: 62 }],
                },
              ],
            },
            {
              organisation: { name: 'Beta NHS Region' },
              amount: { value: 45000.5 },
              lines: [
                {
                  amount: { value: 45000.5 },
                  fundingKind: 'ADDITIONAL',
                  evidence: [{ source: '004_9bafb96c93e2c09d.txt', firstLine: 63 }],
                },
              ],
            },
          ],
        },
      ]);
      const none = await api.gqlData<{ coFunding: unknown[] }>(
        `{ coFunding(period: "2015/16") { outcome { name } } }`,
      );
      expect(none.coFunding).toEqual([]);
      const co = await api.gqlData<{ node: { coFunders: unknown[] } }>(
        `query($id: ID!) { node(id: $id) { ... on Organisation { coFunders { organisation { name } sharedCount myAmount { value } theirAmount { value } shared { node { name } } } } } }`,
        { id: id('Organisation', 'org.alpha-ccgs') },
      );
      expect(co.node.coFunders).toEqual([
        {
          organisation: { name: 'Beta NHS Region' },
          sharedCount: 1,
          myAmount: { value: 562000 },
          theirAmount: { value: 45000.5 },
          shared: [{ node: { name: 'Mind Programme' } }],
        },
      ]);
    });

    it('finds a path between two organisations that share no direct edge, with evidence on each hop', async () => {
      const data = await api.gqlData<{ path: unknown }>(
        `query($from: ID!, $to: ID!) { path(from: $from, to: $to) { length paths { length hops {
         from { name } to { name } forward relationship { kind role } evidence { source firstLine } } } } }`,
        { from: id('Organisation', 'org.gamma-brigade'), to: id('Organisation', 'org.delta-charity') },
      );
      expect(data.path).toEqual({
        length: 2,
        paths: [
          {
            length: 2,
            hops: [
              {
                from: { name: 'Gamma Fire Brigade' },
                to: { name: 'Safe Visits' },
                forward: true,
                relationship: { kind: 'DELIVERS', role: 'delivery partner' },
                evidence: [{ source: '000_90cc9f875cc8fefe.txt', firstLine: 241 }],
              },
              {
                from: { name: 'Safe Visits' },
                to: { name: 'Delta Charity' },
                forward: false,
                relationship: { kind: 'PARTNERS_WITH', role: 'partner' },
                evidence: [{ source: '000_90cc9f875cc8fefe.txt', firstLine: 241 }],
              },
            ],
          },
        ],
      });
    });

    it('refuses a bad path request with BAD_USER_INPUT, and an unknown node with NOT_FOUND', async () => {
      const from = id('Organisation', 'org.gamma-brigade');
      const hops = await api.gql(`query($f: ID!) { path(from: $f, to: $f, maxHops: 9) { length } }`, {
        f: from,
      });
      expect(hops.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(hops.errors?.[0]?.message).toBe('maxHops must be between 1 and 6, got 9');
      const missing = await api.gql(`query($f: ID!, $t: ID!) { path(from: $f, to: $t) { length } }`, {
        f: from,
        t: id('Organisation', 'org.nobody'),
      });
      expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(missing.errors?.[0]?.message).toContain('to: no Organisation has the id');
      const wrongType = await api.gql(`query($o: ID!) { coFunding(outcome: $o) { funderCount } }`, {
        o: from,
      });
      expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(wrongType.errors?.[0]?.message).toBe(
        'outcome: expected the id of Outcome, got the id of a Organisation',
      );
    });

    it('searches names and aliases: an abbreviation finds the full entity', async () => {
      const data = await api.gqlData<{
        search: { node: { name: string }; matched: string; matchedAlias: boolean; score: number }[];
      }>(`{ search(text: "accg") { node { name } matched matchedAlias score } }`);
      expect(data.search[0]).toEqual({
        node: { name: 'Alpha CCGs' },
        matched: 'ACCG',
        matchedAlias: true,
        score: expect.any(Number),
      });
      // The whole alias: 100, 5 less for an alias, up to 4 more for how connected the node is.
      expect(data.search[0]?.score).toBeGreaterThanOrEqual(95);
      expect(data.search[0]?.score).toBeLessThanOrEqual(99);
      const kinds = await api.gqlData<{ search: { node: { __typename: string; name: string } }[] }>(
        `{ search(text: "calm", kinds: [PROJECT]) { node { __typename name } } }`,
      );
      expect(kinds.search).toEqual([{ node: { __typename: 'Project', name: 'Calm App' } }]);
    });

    it('keeps conflicting figures, each with its evidence and a CONFLICTING status', async () => {
      const data = await api.gqlData<{
        metrics: { edges: { node: unknown }[] };
      }>(`{ metrics(filter: { status: CONFLICTING }, orderBy: { field: VALUE, direction: DESC }) { edges { node {
        name value valueText qualifier status conflictsWith { value } evidence { source firstLine } subject { name } } } } }`);
      expect(data.metrics.edges.map((e) => e.node)).toEqual([
        {
          name: 'Calm App users (2019/20)',
          value: 1500,
          valueText: '1,500',
          qualifier: null,
          status: 'CONFLICTING',
          conflictsWith: [{ value: 1200 }],
          evidence: [{ source: '004_9bafb96c93e2c09d.txt', firstLine: 300 }],
          subject: { name: 'Calm App' },
        },
        {
          name: 'Calm App users (five-year report)',
          value: 1200,
          valueText: '1,200',
          qualifier: 'over',
          status: 'CONFLICTING',
          conflictsWith: [{ value: 1500 }],
          evidence: [{ source: '000_90cc9f875cc8fefe.txt', firstLine: 910 }],
          subject: { name: 'Calm App' },
        },
      ]);
    });

    it('totals funding by funder, giving the range where figures conflict, and orders organisations by it', async () => {
      const data = await api.gqlData<{
        fundingTotals: unknown[];
        organisations: { edges: { node: { name: string; totalFundingGiven: { value: number } } }[] };
      }>(`{ fundingTotals(groupBy: FUNDER) { node { name } total { value } totalHigh { value } hasConflicts lines relationships counterparts }
         organisations(first: 3, orderBy: { field: TOTAL_FUNDING_GIVEN, direction: DESC }) { edges { node { name totalFundingGiven { value } } } } }`);
      expect(data.fundingTotals).toEqual([
        {
          node: { name: 'Alpha CCGs' },
          total: { value: 661000 },
          totalHigh: { value: 682000 },
          hasConflicts: true,
          lines: 2,
          relationships: 3,
          counterparts: 2,
        },
        {
          node: { name: 'Beta NHS Region' },
          total: { value: 45000.5 },
          totalHigh: { value: 45000.5 },
          hasConflicts: false,
          lines: 1,
          relationships: 1,
          counterparts: 1,
        },
      ]);
      // DESC is the exact reverse of ASC: among equal totals, names run backwards too.
      expect(data.organisations.edges.map((e) => [e.node.name, e.node.totalFundingGiven.value])).toEqual([
        ['Alpha CCGs', 661000],
        ['Beta NHS Region', 45000.5],
        ['Gamma Fire Brigade', 0],
      ]);
      const programmes = await api.gqlData<{
        programmes: { edges: { node: { name: string; funderCount: number } }[] };
      }>(`{ programmes(filter: { minFunders: 2 }) { edges { node { name funderCount } } } }`);
      expect(programmes.programmes.edges.map((e) => e.node)).toEqual([
        { name: 'Mind Programme', funderCount: 2 },
      ]);
    });

    it('counts nodes and relationships per kind', async () => {
      const data = await api.gqlData<{
        stats: { nodeTotal: number; relationshipTotal: number; nodes: { kind: string; count: number }[] };
      }>(`{ stats { nodeTotal relationshipTotal nodes { kind count } } }`);
      expect(data.stats.nodeTotal).toBe(16);
      expect(data.stats.relationshipTotal).toBe(16);
      expect(data.stats.nodes.find((n) => n.kind === 'ORGANISATION')?.count).toBe(5);
    });

    it('loads a relationship by its global id', async () => {
      const rel = id('Relationship', 'delivers:org.gamma-brigade:proj.safe-visits');
      const data = await api.gqlData<{ node: unknown }>(
        `query($id: ID!) { node(id: $id) { ... on Relationship { kind from { name } to { name } role } } }`,
        { id: rel },
      );
      expect(data.node).toEqual({
        kind: 'DELIVERS',
        from: { name: 'Gamma Fire Brigade' },
        to: { name: 'Safe Visits' },
        role: 'delivery partner',
      });
    });
  },
);

describe('funding totals where two reports of a line agree', () => {
  const api = servedGraph('kuzu', { seeds: 'fixture' });

  it('counts the line once and reports no conflict', async () => {
    const { checkSeeds } = await import('../../src/seed/load-seeds.js');
    const { FIXTURE_SEEDS } = await import('../support/env.js');
    const seeds = checkSeeds(FIXTURE_SEEDS);
    // The two Body figures (99,000 and 120,000) made to agree at 99,000: corroborated, not conflicting.
    const edges = seeds.graph.edges.map((e) =>
      e.properties['conflictGroup'] === 'body-core'
        ? { ...e, properties: { ...e.properties, amount: 99000, status: 'corroborated' } }
        : e,
    );
    await api.store.replaceGraph({ nodes: seeds.graph.nodes, edges }, 'corroborated');
    const data = await api.gqlData<{
      fundingTotals: {
        node: { name: string };
        total: { value: number };
        totalHigh: { value: number };
        hasConflicts: boolean;
        lines: number;
        relationships: number;
      }[];
    }>(
      '{ fundingTotals(groupBy: FUNDER) { node { name } total { value } totalHigh { value } hasConflicts lines relationships } }',
    );
    expect(data.fundingTotals[0]).toEqual({
      node: { name: 'Alpha CCGs' },
      total: { value: 661000 },
      totalHigh: { value: 661000 },
      hasConflicts: false,
      lines: 2,
      relationships: 3,
    });
  });
});
