import { describe, expect, it } from 'vitest';
import { ENGINES_UNDER_TEST } from '../support/env.js';
import { servedGraph } from '../support/harness.js';

interface OrgPage {
  organisations: {
    totalCount: number;
    edges: { cursor: string; node: { id: string; name: string; kind: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string };
  };
}

const PAGE = `query Page($first: Int, $after: String, $last: Int, $before: String) {
  organisations(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    edges { cursor node { id name kind } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

describe.each(ENGINES_UNDER_TEST)('organisations over GraphQL on %s', (engine) => {
  const api = servedGraph(engine, { seeds: 'fixture' });

  it('answers the README query: the first five organisations with the total', async () => {
    const data = await api.gqlData<OrgPage>(
      '{ organisations(first: 5) { totalCount edges { node { id name } } } }',
    );
    expect(data.organisations.totalCount).toBe(5);
    expect(data.organisations.edges.map((e) => e.node.name)).toEqual([
      'Alpha CCGs',
      'Beta NHS Region',
      'Delta Charity',
      'Epsilon Council',
      'Gamma Fire Brigade',
    ]);
  });

  it('pages forwards with first/after and backwards with last/before', async () => {
    const one = await api.gqlData<OrgPage>(PAGE, { first: 2 });
    expect(one.organisations.edges.map((e) => e.node.name)).toEqual(['Alpha CCGs', 'Beta NHS Region']);
    expect(one.organisations.pageInfo.hasNextPage).toBe(true);
    const two = await api.gqlData<OrgPage>(PAGE, { first: 2, after: one.organisations.pageInfo.endCursor });
    expect(two.organisations.edges.map((e) => e.node.name)).toEqual(['Delta Charity', 'Epsilon Council']);
    const back = await api.gqlData<OrgPage>(PAGE, { last: 2, before: two.organisations.pageInfo.endCursor });
    expect(back.organisations.edges.map((e) => e.node.name)).toEqual(['Beta NHS Region', 'Delta Charity']);
    expect(back.organisations.pageInfo.hasPreviousPage).toBe(true);
    const tail = await api.gqlData<OrgPage>(PAGE, { last: 1 });
    expect(tail.organisations.edges.map((e) => e.node.name)).toEqual(['Gamma Fire Brigade']);
  });

  it('gives an organisation its kind, aliases and evidence, and finds it again by its global id', async () => {
    const page = await api.gqlData<OrgPage>(PAGE, { first: 1 });
    const id = page.organisations.edges[0]?.node.id;
    const data = await api.gqlData<{ node: unknown; nodes: unknown[] }>(
      `query($id: ID!) {
        node(id: $id) { id ... on Organisation { name kind aliases evidence { source firstLine lastLine section } } }
        nodes(ids: [$id]) { id }
      }`,
      { id },
    );
    expect(data.node).toEqual({
      id,
      name: 'Alpha CCGs',
      kind: 'CCG',
      aliases: ['ACCG'],
      evidence: [
        {
          source: '004_9bafb96c93e2c09d.txt',
          firstLine: 60,
          lastLine: 60,
          section: 'Funding and Impact Summary',
        },
      ],
    });
    expect(data.nodes).toEqual([{ id }]);
  });

  it('answers null for a well-formed id that names nothing, and BAD_USER_INPUT for a malformed one', async () => {
    const missing = Buffer.from('Organisation:org.nobody').toString('base64');
    expect((await api.gqlData<{ node: unknown }>(`{ node(id: "${missing}") { id } }`)).node).toBeNull();
    const bad = await api.gql('{ node(id: "not-an-id") { id } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toContain('"not-an-id" is not an HLP Graph id');
  });

  it('refuses a page size out of range and a foreign cursor with BAD_USER_INPUT', async () => {
    const big = await api.gql(PAGE, { first: 100000 });
    expect(big.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(big.errors?.[0]?.message).toBe('first must be between 0 and 100, got 100000');
    const cursor = await api.gql(PAGE, { first: 2, after: 'bm9wZQ' });
    expect(cursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers a malformed query with a parse error that says where', async () => {
    const result = await api.gql('{ organisations(first: 5) { totalCount ');
    expect(result.errors?.[0]?.message).toMatch(/Syntax Error/);
  });

  it('serves GraphiQL to a browser, every script and style in the page: nothing from another host', async () => {
    const response = await api.fetch('/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('YogaGraphiQL.renderYogaGraphiQL');
    // No element loads a script, style, font or image by URL, and no CDN is named.
    expect(page).not.toMatch(/<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(page).not.toMatch(/@import\s+url\(\s*["']?https?:/i);
    expect(page).not.toMatch(/unpkg\.com|jsdelivr|cdnjs|esm\.sh/);
  });

  it('reports ready while the store answers', async () => {
    expect((await api.fetch('/ready')).status).toBe(200);
  });
});

describe('limits on what one request may ask', () => {
  const api = servedGraph('kuzu', { seeds: 'fixture' });

  it('refuses a query nested too deep, before touching the store', async () => {
    let selection = 'name';
    for (let i = 0; i < 12; i++)
      selection = `funders { edges { node { name funded { edges { node { ... on Programme { ${selection} } } } } } } }`;
    const result = await api.gql(`{ programmes(first: 1) { edges { node { ${selection} } } } }`);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.message).toMatch(/Query (depth|Cost) limit of \d+ exceeded/);
  });
});
