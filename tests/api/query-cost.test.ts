import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { ENGINES_UNDER_TEST, tempDir } from '../support/env.js';
import { type Served, servedGraph } from '../support/harness.js';

/**
 * What a request costs the store, read from the response headers the service adds with
 * HLP_STORE_STATS=on (statements run, rows read, transactions opened), on synthetic graphs from
 * `hlp-graph generate`: the cost follows the answer and the shape of the query, not page sizes or
 * the size of the graph.
 */

async function generated(relationships: number): Promise<string> {
  const out = join(tempDir('generated'), 'seeds');
  const result = await runCli(
    ['generate', '--relationships', String(relationships), '--seed', '7', '--out', out],
    {},
  );
  if (result.code !== 0) throw new Error(`generate failed: ${result.stderr}`);
  return out;
}

interface Cost {
  readonly statements: number;
  readonly rows: number;
  readonly transactions: number;
  readonly bytes: number;
}

/** The data of one operation, and what it cost the store (from the HLP_STORE_STATS headers). */
async function ask(api: Served, query: string, variables: Record<string, unknown> = {}) {
  const response = await api.post(query, variables);
  const body = response.body as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  const cost: Cost = {
    statements: Number(response.headers.get('x-store-statements')),
    rows: Number(response.headers.get('x-store-rows')),
    transactions: Number(response.headers.get('x-store-transactions')),
    bytes: Number(response.headers.get('x-store-bytes')),
  };
  return { data: body.data ?? {}, cost };
}

/** An answer without these keys, at every depth: what two queries that ask more or less share. */
function without(value: unknown, keys: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => without(v, keys));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !keys.includes(k))
      .map(([k, v]) => [k, without(v, keys)]),
  );
}

// Three levels: organisations, what they fund, and the outcomes those programmes and projects aim at.
const NESTED = `query Nested($n: Int!) {
  organisations(first: $n, orderBy: { field: FUNDED_COUNT, direction: DESC }) { edges { node {
    name
    funded(first: $n) { edges { amount { value } node { name
      ... on Programme { outcomes(first: $n) { edges { node { name } } } }
      ... on Project { outcomes(first: $n) { edges { node { name } } } }
    } } }
  } } }
}`;

describe.each(ENGINES_UNDER_TEST)('what a request costs the store on %s', (engine) => {
  const config = { HLP_STORE_STATS: 'on', HLP_MAX_PAGE_SIZE: '200' };
  const small = servedGraph(engine, { seeds: () => generated(10_000), config, timeout: 600_000 });
  const large = servedGraph(engine, { seeds: () => generated(20_000), config, timeout: 600_000 });

  it('reads a page of 20 organisations as at most 21 rows, on a 10k-relationship graph', async () => {
    const { data, cost } = await ask(small, '{ organisations(first: 20) { edges { node { name } } } }');
    expect((data['organisations'] as { edges: unknown[] }).edges).toHaveLength(20);
    expect(cost.statements).toBe(1);
    expect(cost.rows).toBeLessThanOrEqual(21);
    expect(cost.transactions).toBe(engine === 'neo4j' ? 1 : 0);
  });

  it('runs the same statements whatever the page sizes and the graph size: they follow the query’s depth', async () => {
    const costs = [
      (await ask(small, NESTED, { n: 5 })).cost,
      (await ask(small, NESTED, { n: 10 })).cost,
      (await ask(large, NESTED, { n: 5 })).cost,
      (await ask(large, NESTED, { n: 10 })).cost,
    ];
    const statements = costs.map((c) => c.statements);
    expect(new Set(statements).size).toBe(1);
    // One root list; one statement for the funding of all five (or ten) organisations; the outcomes
    // of the programmes and of the projects funded: one statement for each kind of parent.
    expect(statements[0]).toBe(4);
    // Every request is one read transaction on Neo4j, whatever it asks.
    for (const c of costs) expect(c.transactions).toBe(engine === 'neo4j' ? 1 : 0);
    // Rows follow the answer: at most page + 1 per parent and level.
    expect(costs[0]?.rows).toBeLessThanOrEqual(6 + 5 * 6 + 25 * 6);
  });

  it('reads only the core columns when a query selects nothing beyond them, and answers the same', async () => {
    // NESTED selects names, amounts and relationship fields: every level is read as core. Asking one
    // more property at any level (aliases, a programme's category, a line's amount as written) reads
    // that level whole; the answers to the fields both ask agree.
    const core = await ask(large, NESTED, { n: 10 });
    const variants = [
      NESTED.replace('node {\n    name', 'node {\n    name aliases'),
      NESTED.replace('edges { amount { value }', 'edges { amount { value } amountText'),
      NESTED.replace('... on Programme {', '... on Programme { category'),
      NESTED.replace(
        'outcomes(first: $n) { edges { node { name } } } }\n      ... on Project',
        'outcomes(first: $n) { edges { node { name aliases } } } }\n      ... on Project',
      ),
    ];
    const strip = (value: unknown) => without(value, ['aliases', 'amountText', 'category']);
    for (const query of variants) {
      expect(query).not.toBe(NESTED);
      const whole = await ask(large, query, { n: 10 });
      expect(strip(whole.data)).toEqual(core.data);
      expect(whole.cost.statements).toBe(core.cost.statements);
      expect(whole.cost.bytes).toBeGreaterThan(core.cost.bytes);
    }
  });

  it('reads only ids and names when a query selects nothing more, and answers the same', async () => {
    // Without the line's amount, the funded and outcomes pages ask ids and names only: each is read
    // with the texts of names. A period at either level makes that level core: more bytes, the same
    // answer to what both ask.
    const names = NESTED.replace('edges { amount { value } node { name', 'edges { node { id name');
    expect(names).not.toBe(NESTED);
    const least = await ask(large, names, { n: 10 });
    const variants = [
      names.replace('edges { node { id name', 'edges { period node { id name'),
      names.replace(/outcomes\(first: \$n\) \{ edges \{ node/g, 'outcomes(first: $n) { edges { period node'),
    ];
    const strip = (value: unknown) => without(value, ['period']);
    for (const query of variants) {
      expect(query).not.toBe(names);
      const more = await ask(large, query, { n: 10 });
      expect(strip(more.data)).toEqual(least.data);
      expect(more.cost.statements).toBe(least.cost.statements);
      expect(more.cost.rows).toBe(least.cost.rows);
      expect(more.cost.bytes).toBeGreaterThan(least.cost.bytes);
    }
  });

  it('counts a connection from its page when the page holds all of it, and in the store when it does not', async () => {
    const { data } = await ask(
      large,
      '{ organisations(first: 10, orderBy: { field: FUNDED_COUNT, direction: DESC }) { edges { node { id } } } }',
    );
    // The tenth biggest funder: more than a few lines, fewer than a page of 200.
    const hub = (data['organisations'] as { edges: { node: { id: string } }[] }).edges[9]?.node;
    if (!hub) throw new Error('no organisation');
    const funded = async (page: string) => {
      const answer = await ask(
        large,
        `query($id: ID!) { node(id: $id) { ... on Organisation { funded(${page}) { totalCount edges { cursor } } } } }`,
        { id: hub.id },
      );
      const connection = (
        answer.data['node'] as { funded: { totalCount: number; edges: { cursor: string }[] } }
      ).funded;
      return { total: connection.totalCount, edges: connection.edges, statements: answer.cost.statements };
    };
    const all = await funded('first: 200');
    const n = all.edges.length;
    expect(n).toBeGreaterThan(3);
    expect(n).toBeLessThan(200);
    // The whole list in one page, from either end: the node and the page, no count.
    expect(all).toMatchObject({ total: n, statements: 2 });
    expect(await funded('last: 200')).toMatchObject({ total: n, statements: 2 });
    expect(await funded(`first: ${n}`)).toMatchObject({ total: n, statements: 2 });
    // Part of it, from an end: counted by the statement that reads the page.
    expect(await funded(`first: ${n - 1}`)).toMatchObject({ total: n, statements: 2 });
    expect(await funded('first: 2, last: 1')).toMatchObject({ total: n, statements: 2 });
    expect(await funded('last: 1')).toMatchObject({ total: n, statements: 2 });
    // A page after or before a cursor: counted by a statement of its own.
    expect(await funded(`first: 200, after: "${all.edges[0]?.cursor}"`)).toMatchObject({
      total: n,
      statements: 3,
    });
    expect(await funded(`last: 200, before: "${all.edges[n - 1]?.cursor}"`)).toMatchObject({
      total: n,
      statements: 3,
    });
    // A root list likewise: a page of every report counts itself, a part of the programmes does not.
    const list = async (field: string, page: string) => {
      const answer = await ask(large, `{ ${field}(${page}) { totalCount edges { cursor } } }`);
      const connection = answer.data[field] as { totalCount: number; edges: unknown[] };
      return {
        total: connection.totalCount,
        read: connection.edges.length,
        statements: answer.cost.statements,
      };
    };
    const reports = await list('reports', 'first: 200');
    expect(reports.total).toBeGreaterThan(0);
    expect(reports).toMatchObject({ read: reports.total, statements: 1 });
    // Part of a list, from an end: on Neo4j counted by the statement that reads the page; on Kuzu
    // by a count of its own (faster there: see listFiles in src/store/read-cypher.ts).
    const pageAndCount = engine === 'neo4j' ? 1 : 2;
    const some = await list('programmes', 'first: 5');
    expect(some).toMatchObject({ read: 5, statements: pageAndCount });
    expect(some.total).toBeGreaterThan(5);
    expect(await list('programmes', 'last: 5, filter: { minFunders: 1 }')).toMatchObject({
      read: 5,
      statements: pageAndCount,
    });
    // After a cursor, by a statement of its own: the same total.
    const answer = await ask(large, '{ programmes(first: 5) { edges { cursor } } }');
    const cursor = (answer.data['programmes'] as { edges: { cursor: string }[] }).edges[4]?.cursor;
    expect(await list('programmes', `first: 5, after: "${cursor}"`)).toMatchObject({
      total: some.total,
      read: 5,
      statements: 2,
    });
  });

  it('reads a node’s fields beside the node itself with no statement to spare, however the query spells them', async () => {
    const { data } = await ask(
      large,
      '{ organisations(first: 1, orderBy: { field: FUNDED_COUNT, direction: DESC }) { edges { node { id } } } }',
    );
    const hub = (data['organisations'] as { edges: { node: { id: string } }[] }).edges[0]?.node.id;
    if (!hub) throw new Error('no organisation');
    const args = '(first: 3, period: $period)';
    const fields = '{ totalCount edges { amount { value } node { id } } }';
    const page = `funded${args} ${fields}`;
    const spellings = [
      `query($id: ID!, $period: String) { node(id: $id) { ... on Organisation { ${page} } } }`,
      `query($id: ID!, $period: String) { node(id: $id) { ...F } } fragment F on Organisation { ${page} }`,
      `query($id: ID!, $period: String) { node(id: $id) { ... on Entity { name } ... on Organisation { ${page} } } }`,
      `query($id: ID!, $period: String) { node(id: $id) { ... on Organisation { lines: ${page} } } }`,
      `query($id: ID!, $period: String, $yes: Boolean!) { node(id: $id) { ... on Organisation { funded${args} @include(if: $yes) ${fields} } } }`,
    ];
    const answers = await Promise.all(
      spellings.map((query) => ask(large, query, { id: hub, period: null, yes: true })),
    );
    const pages = answers.map((a) => Object.values(a.data['node'] as Record<string, unknown>).at(-1));
    for (const [i, answer] of answers.entries()) {
      expect(pages[i]).toEqual(pages[0]);
      // The node and its page (counted with it): an early read that asked differently would add one.
      expect(answer.cost.statements, spellings[i]).toBe(2);
    }
    expect((pages[0] as { edges: unknown[] }).edges).toHaveLength(3);
    // The same fields under an id that names nothing: null, and no error from the early reads.
    const missing = await ask(large, spellings[0] as string, {
      id: Buffer.from('Organisation:org.nothing-here').toString('base64'),
      period: null,
    });
    expect(missing.data['node']).toBeNull();
    // Arguments the field refuses are refused by the field, as before.
    const refused = await large.post(
      'query($id: ID!) { node(id: $id) { ... on Organisation { funded(first: 1, after: "nonsense") { totalCount } } } }',
      { id: hub },
    );
    const body = refused.body as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('sums co-funding in the store only for the amounts a query asks for, equal to the sums of the lines', async () => {
    const { data } = await ask(
      large,
      '{ organisations(first: 1, orderBy: { field: FUNDED_COUNT, direction: DESC }) { edges { node { id } } } }',
    );
    const hub = (data['organisations'] as { edges: { node: { id: string } }[] }).edges[0]?.node.id;
    const coFunders = (fields: string) =>
      ask(large, `query($id: ID!) { node(id: $id) { ... on Organisation { coFunders { ${fields} } } } }`, {
        id: hub,
      });
    type Row = { organisation: { id: string }; sharedCount: number; myAmount?: { value: number } };
    const rows = (d: Record<string, unknown>) => (d['node'] as { coFunders: Row[] }).coFunders;
    const counts = await coFunders('organisation { id } sharedCount');
    const sums = await coFunders('organisation { id } sharedCount myAmount { value } theirAmount { value }');
    const lines = await coFunders(
      'organisation { id } sharedCount myAmount { value } theirAmount { value } shared { node { id } }',
    );
    // The node, the shares; then one statement more for each side's sum.
    expect(counts.cost.statements).toBe(2);
    expect(sums.cost.statements).toBe(4);
    expect(rows(counts.data).length).toBeGreaterThan(5);
    expect(rows(counts.data)).toEqual(
      rows(sums.data).map(({ organisation, sharedCount }) => ({ organisation, sharedCount })),
    );
    // Asking more of a co-funder than its core reads it whole: the same co-funders, more bytes.
    const whole = await coFunders('organisation { id aliases } sharedCount');
    expect(whole.cost.statements).toBe(2);
    expect(whole.cost.bytes).toBeGreaterThan(counts.cost.bytes);
    expect(
      rows(whole.data).map(({ organisation, sharedCount }) => ({
        organisation: { id: organisation.id },
        sharedCount,
      })),
    ).toEqual(rows(counts.data));
    // Summed in Cypher as funding lines are summed in model/funding-lines.ts.
    const withoutShared = rows(lines.data).map(({ shared: _, ...rest }: Row & { shared?: unknown }) => rest);
    expect(rows(sums.data)).toEqual(withoutShared);
  });
});
