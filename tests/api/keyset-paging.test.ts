import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { ENGINES_UNDER_TEST, tempDir } from '../support/env.js';
import { type Served, servedGraph } from '../support/harness.js';

/**
 * Keyset paging done by the database: walking a connection forwards with first/after and backwards
 * with last/before, in every order the API offers, meets every item exactly once, in the same order
 * both ways, and as many as totalCount says. On a synthetic graph whose names repeat and carry
 * accents, so ties and the collation are exercised.
 */

interface Connection {
  totalCount: number;
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

/** Every node of a connection, page by page, forwards then backwards. */
async function walk(
  api: Served,
  path: (args: string) => string,
  dig: (data: Record<string, unknown>) => Connection,
  size: number,
): Promise<{ forwards: string[]; backwards: string[]; total: number }> {
  const forwards: string[] = [];
  let after: string | null = null;
  let total = 0;
  for (let page = 0; page < 500; page++) {
    const args: string = `first: ${size}${after ? `, after: "${after}"` : ''}`;
    const conn = dig(await api.gqlData(`{ ${path(args)} }`));
    total = conn.totalCount;
    forwards.push(...conn.edges.map((e) => e.node.id));
    if (!conn.pageInfo.hasNextPage) break;
    after = conn.pageInfo.endCursor;
  }
  const backwards: string[] = [];
  let before: string | null = null;
  for (let page = 0; page < 500; page++) {
    const args: string = `last: ${size}${before ? `, before: "${before}"` : ''}`;
    const conn = dig(await api.gqlData(`{ ${path(args)} }`));
    backwards.unshift(...conn.edges.map((e) => e.node.id));
    if (!conn.pageInfo.hasPreviousPage) break;
    before = conn.pageInfo.startCursor;
  }
  return { forwards, backwards, total };
}

const PAGE =
  '{ totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }';

/** Each root list's orders, and a page size that makes several pages of it on the generated graph. */
const ROOT_ORDERS: Record<string, { size: number; orders: string[] }> = {
  organisations: { size: 37, orders: ['NAME', 'TOTAL_FUNDING_GIVEN', 'FUNDED_COUNT', 'CO_FUNDED_OUTCOMES'] },
  programmes: { size: 5, orders: ['NAME', 'PERIOD', 'TOTAL_FUNDING', 'FUNDER_COUNT'] },
  projects: { size: 37, orders: ['NAME', 'PERIOD', 'TOTAL_FUNDING', 'FUNDER_COUNT'] },
  metrics: { size: 23, orders: ['NAME', 'VALUE'] },
};

describe.each(ENGINES_UNDER_TEST)('keyset paging on %s', (engine) => {
  const api = servedGraph(engine, {
    seeds: async () => {
      const seeds = join(tempDir('paging'), 'seeds');
      const made = await runCli(['generate', '--relationships', '4000', '--seed', '11', '--out', seeds], {});
      if (made.code !== 0) throw new Error(made.stderr);
      return seeds;
    },
    config: { HLP_MAX_PAGE_SIZE: '1000' },
    timeout: 600_000,
  });
  let hub: string;
  let popular: string;

  beforeAll(async () => {
    const top = await api.gqlData<{
      organisations: { edges: { node: { id: string } }[] };
      programmes: { edges: { node: { id: string } }[] };
    }>(`{ organisations(first: 1, orderBy: { field: FUNDED_COUNT, direction: DESC }) { edges { node { id } } }
         programmes(first: 1, orderBy: { field: FUNDER_COUNT, direction: DESC }) { edges { node { id } } } }`);
    // Global ids, as node(id:) takes them.
    hub = top.organisations.edges[0]?.node.id ?? '';
    popular = top.programmes.edges[0]?.node.id ?? '';
  });

  const cases = Object.entries(ROOT_ORDERS).flatMap(([list, { orders }]) =>
    orders.flatMap((field) =>
      (['ASC', 'DESC'] as const).map((direction) => [list, field, direction] as const),
    ),
  );
  const sizeOf = (list: string) => ROOT_ORDERS[list]?.size ?? 37;

  it.each(cases)('%s by %s %s: every item exactly once, both ways', async (list, field, direction) => {
    const orderBy = `orderBy: { field: ${field}, direction: ${direction} }`;
    const { forwards, backwards, total } = await walk(
      api,
      (args) => `${list}(${args}, ${orderBy}) ${PAGE}`,
      (data) => data[list] as Connection,
      sizeOf(list),
    );
    expect(total).toBeGreaterThan(3 * sizeOf(list));
    expect(forwards).toHaveLength(total);
    expect(new Set(forwards).size).toBe(total);
    expect(backwards).toEqual(forwards);
    // The whole list in one page is the same order as the pages put together.
    const all = (
      await api.gqlData<Record<string, Connection>>(`{ ${list}(first: 1000, ${orderBy}) ${PAGE} }`)
    )[list];
    expect(all?.edges.map((e) => e.node.id)).toEqual(forwards);
  });

  // A first or last page by name that asks no totalCount and no filter reads through the open texts
  // (no filter terms or bounds; on Neo4j a page that asks its count has a counted text instead).
  const openCases = Object.keys(ROOT_ORDERS).flatMap((list) =>
    (['ASC', 'DESC'] as const).map((direction) => [list, direction] as const),
  );

  it.each(openCases)(
    '%s by NAME %s: a first and a last page without a count are the ends of the whole list',
    async (list, direction) => {
      const orderBy = `orderBy: { field: NAME, direction: ${direction} }`;
      const ids = (c: Connection | undefined) => c?.edges.map((e) => e.node.id) ?? [];
      const data = await api.gqlData<Record<string, Connection>>(
        `{ whole: ${list}(first: 1000, after: null, ${orderBy}) ${PAGE}
         head: ${list}(first: 7, ${orderBy}) { edges { node { id } } }
         tail: ${list}(last: 7, ${orderBy}) { edges { node { id } } } }`,
      );
      const whole = ids(data['whole']);
      expect(whole.length).toBeGreaterThan(14);
      expect(ids(data['head'])).toEqual(whole.slice(0, 7));
      expect(ids(data['tail'])).toEqual(whole.slice(-7));
    },
  );

  const relationshipCases = (['AMOUNT', 'NAME', 'PERIOD'] as const).flatMap((o) =>
    (['ASC', 'DESC'] as const).map((d) => ['funded', o, d] as const),
  );

  it.each(relationshipCases)(
    'a hub’s %s by %s %s: every line exactly once, both ways',
    async (field, order, dir) => {
      const orderBy = `orderBy: { field: ${order}, direction: ${dir} }`;
      const { forwards, backwards, total } = await walk(
        api,
        (args) => `node(id: "${hub}") { ... on Organisation { ${field}(${args}, ${orderBy}) ${PAGE} } }`,
        (data) => (data['node'] as Record<string, Connection>)[field] as Connection,
        4,
      );
      expect(total).toBeGreaterThan(4);
      expect(forwards).toHaveLength(total);
      expect(backwards).toEqual(forwards);
    },
  );

  it('pages every relationship of a popular programme in kind order, both directions merged', async () => {
    const id = popular;
    const { forwards, backwards, total } = await walk(
      api,
      (args) => `node(id: "${id}") { ... on Programme { relationships(${args}) ${PAGE} } }`,
      (data) => (data['node'] as Record<string, Connection>)['relationships'] as Connection,
      7,
    );
    expect(total).toBeGreaterThan(7);
    expect(forwards).toHaveLength(total);
    expect(backwards).toEqual(forwards);
  });

  it('refuses a cursor from another connection or order, and a page size out of range, with BAD_USER_INPUT', async () => {
    const first = await api.gqlData<{ organisations: Connection }>(`{ organisations(first: 2) ${PAGE} }`);
    const cursor = first.organisations.pageInfo.endCursor;
    for (const query of [
      `{ organisations(first: 2, after: "${cursor}", orderBy: { field: FUNDED_COUNT }) ${PAGE} }`,
      `{ programmes(first: 2, after: "${cursor}") ${PAGE} }`,
      `{ organisations(first: 2, after: "not-a-cursor") ${PAGE} }`,
      `{ organisations(first: 1001) ${PAGE} }`,
      `{ organisations(last: -1) ${PAGE} }`,
    ]) {
      const result = await api.gql(query);
      expect(result.errors?.[0]?.extensions?.code, query).toBe('BAD_USER_INPUT');
    }
  });
});
