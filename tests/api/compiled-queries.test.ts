import { describe, expect, it } from 'vitest';
import { loadExamples } from '../../src/graphiql/examples.js';
import { StoreUnavailableError } from '../../src/store/errors.js';
import type { GraphStore } from '../../src/store/port.js';
import { type Served, servedGraph } from '../support/harness.js';
import { aroundReads } from '../support/reader-hooks.js';

/**
 * A query sent again runs compiled (graphql-jit) where that answers as graphql-js does, and is
 * interpreted otherwise (src/http/compiled-queries.ts). Each case sends the same request three
 * times: the first run is interpreted, the later ones compiled where the document allows, and the
 * answer's text (status, data, errors, the order of every key) must not change. Execution does not
 * depend on the engine: Kuzu only.
 */

interface Run {
  readonly status: number;
  readonly execution: string | null;
  /** The body as JSON text: its keys in the order the service wrote them. */
  readonly text: string;
  readonly body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function runs(api: Served, query: string, variables: Record<string, unknown> = {}, times = 3) {
  const out: Run[] = [];
  for (let i = 0; i < times; i++) {
    const answer = await api.post(query, variables);
    out.push({
      status: answer.status,
      execution: answer.headers.get('x-graphql-execution'),
      text: JSON.stringify(answer.body),
      body: answer.body,
    });
  }
  return out;
}

/** Every run answered the first run's text; the executions, in order. */
function sameAnswers(all: readonly Run[]): (string | null)[] {
  const [first, ...rest] = all as [Run, ...Run[]];
  for (const run of rest) {
    expect(run.status).toBe(first.status);
    expect(run.text).toBe(first.text);
  }
  return all.map((r) => r.execution);
}

const keysOf = (value: unknown) => Object.keys(value as Record<string, unknown>);

/** The data of a run, typed as the test expects it (the run must exist). */
function dataOf<T>(run: Run | undefined): T {
  if (!run) throw new Error('no such run');
  return run.body.data as T;
}

type OrganisationNodes = { organisations: { edges: { node: unknown }[] } };

describe('compiled queries', () => {
  const api = servedGraph('kuzu', { seeds: 'real', config: { HLP_STORE_STATS: 'on' } });

  it('answers every example operation the same interpreted and compiled, and compiles most of them', async () => {
    const examples = loadExamples();
    expect(examples.length).toBeGreaterThan(5);
    const compiled: string[] = [];
    for (const example of examples) {
      const variables = example.variables ? (JSON.parse(example.variables) as Record<string, unknown>) : {};
      const all = await runs(api, example.query, variables);
      expect(all[0]?.body.errors, example.name).toBeUndefined();
      const executions = sameAnswers(all);
      expect(executions[0], example.name).toBe('interpreted');
      expect(executions[1], example.name).toBe(executions[2]);
      if (executions[1] === 'compiled') compiled.push(example.name);
    }
    expect(compiled.length).toBeGreaterThanOrEqual(Math.ceil(examples.length / 2));
  });

  it('compiles a query with fragments when the order of its keys cannot change', async () => {
    // One key (name) comes from fragments alone, after the selection's own: the same in both.
    const query = `{ organisations(first: 3, orderBy: { field: NAME }) { edges { node {
      id ... on Organisation { name } ...More
    } } } }
    fragment More on Organisation { name }`;
    const all = await runs(api, query);
    expect(sameAnswers(all)).toEqual(['interpreted', 'compiled', 'compiled']);
    const node = dataOf<OrganisationNodes>(all[2]).organisations.edges[0]?.node;
    expect(keysOf(node)).toEqual(['id', 'name']);
  });

  it('compiles one fragment that brings several keys, in the order it asks them', async () => {
    const query = `query P($id: ID!) { node(id: $id) { ... on Programme { name id outcomes(first: 2) { totalCount } } } }`;
    const all = await runs(api, query, { id: Buffer.from('Programme:prog.cancer').toString('base64') });
    expect(sameAnswers(all)).toEqual(['interpreted', 'compiled', 'compiled']);
    expect(keysOf(dataOf<{ node: unknown }>(all[2]).node)).toEqual(['name', 'id', 'outcomes']);
  });

  it('keeps interpreted a document whose fragments spread each other too often to check', async () => {
    // Each fragment spreads the next five times: 5^7 places to check, answered by graphql-js at once
    // (it takes a fragment once per selection). Seven levels keep within the depth limit.
    const levels = 8;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1
        ? `fragment F${i} on Organisation { id }`
        : `fragment F${i} on Organisation { ${`...F${i + 1} `.repeat(5)}}`,
    ).join('\n');
    const query = `{ organisations(first: 2) { edges { node { ...F0 } } } }\n${fragments}`;
    const all = await runs(api, query);
    expect(all[0]?.status).toBe(200);
    expect(sameAnswers(all)).toEqual(['interpreted', 'interpreted', 'interpreted']);
  });

  it.each([
    [
      'a field after a fragment',
      `{ organisations(first: 3) { edges { node { ... on Organisation { name } id } } } }`,
      ['name', 'id'],
    ],
    [
      'two fragments with keys of their own',
      `{ organisations(first: 3) { edges { node { ...A ...B } } } }
      fragment A on Organisation { name }
      fragment B on Organisation { id }`,
      ['name', 'id'],
    ],
    [
      'two fragments in a fragment, with keys of their own',
      `{ organisations(first: 3) { edges { node { ...Both } } } }
      fragment Both on Organisation { ... on Organisation { name } ... on Organisation { id } }`,
      ['name', 'id'],
    ],
    [
      'a key asked twice in different ways',
      `{ organisations(first: 3) { edges { node { id ... on Organisation { funded(first: 1) { totalCount } } ... on Organisation { funded(first: 1) { edges { node { id } } } } } } } }`,
      ['id', 'funded'],
    ],
    [
      'a directive',
      `query Q($n: Boolean = true) { organisations(first: 3) { edges { node { id name @include(if: $n) } } } }`,
      ['id', 'name'],
    ],
  ])('keeps %s interpreted, in the order the query asks', async (_, query, keys) => {
    const all = await runs(api, query);
    expect(sameAnswers(all)).toEqual(['interpreted', 'interpreted', 'interpreted']);
    const node = dataOf<OrganisationNodes>(all[0]).organisations.edges[0]?.node;
    expect(keysOf(node)).toEqual(keys);
  });

  it('refuses a mutation the same way every time', async () => {
    const all = await runs(api, 'mutation { organisations { totalCount } }');
    expect(sameAnswers(all)).toEqual(['interpreted', 'interpreted', 'interpreted']);
    expect(all[0]?.status).toBe(400);
    expect(all[0]?.body.errors?.[0]?.extensions?.['code']).toBeTruthy();
  });

  it('leaves a bad variable of a compiled query to graphql-js, which names it', async () => {
    const query = 'query Page($size: Int) { organisations(first: $size) { totalCount } }';
    expect(sameAnswers(await runs(api, query, { size: 2 }))).toEqual(['interpreted', 'compiled', 'compiled']);
    const bad = await runs(api, query, { size: 'two' }, 2);
    expect(sameAnswers(bad)).toEqual(['interpreted', 'interpreted']);
    expect(bad[0]?.status).toBe(400);
    const error = bad[0]?.body.errors?.[0];
    expect(error?.message).toContain('$size');
    expect(error?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('answers a field error of a compiled query as graphql-js does, with its locations', async () => {
    // A cursor from nowhere: refused by the resolver, with its code, path and locations.
    const query =
      'query Page($after: String) { organisations(first: 2, after: $after) { edges { node { id } } } }';
    const all = await runs(api, query, { after: 'bm90LWEtY3Vyc29y' });
    expect(sameAnswers(all)).toEqual(['interpreted', 'compiled', 'compiled']);
    const error = all[2]?.body.errors?.[0] as { locations?: unknown; extensions?: Record<string, unknown> };
    expect(error.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(error.locations).toEqual([{ line: 1, column: 30 }]);
  });

  it('reads the store once for a compiled query with a field error', async () => {
    // A page beside a refused field: the compiled run answers as graphql-js does and reads the page
    // once (graphql-js stops reading once the refusal has nulled the answer; graphql-jit lets the
    // page's read finish, and nothing runs again).
    const page = '{ big: organisations(first: 50, orderBy: { field: NAME }) { edges { node { id name } } } }';
    const alone = Number((await api.post(page)).headers.get('x-store-rows'));
    expect(alone).toBe(51);
    const query = `{
      big: organisations(first: 50, orderBy: { field: NAME }) { edges { node { id name } } }
      bad: organisations(first: 1, after: "bm90LWEtY3Vyc29y") { totalCount }
    }`;
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await api.post(query));
    expect(answers.map((a) => a.headers.get('x-graphql-execution'))).toEqual([
      'interpreted',
      'compiled',
      'compiled',
    ]);
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(answers[1]?.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    for (const a of answers.slice(1))
      expect(Number(a.headers.get('x-store-rows'))).toBeLessThanOrEqual(alone);
  });

  it("answers a relationship field over a list by each request's own variables, compiled too", async () => {
    // Compiled, a document's field nodes are fixed once and shared by every request that sends it;
    // what a relationship field works out from them and the variables is kept per request only.
    const query = `query($n: Int!) { organisations(first: 20, orderBy: { field: FUNDED_COUNT, direction: DESC }) { edges { node {
      id funded(first: $n, orderBy: { field: NAME }) { edges { node { id } } } } } } }`;
    const sizes = [2, 1, 2, 1, 1, 2];
    const all: Run[] = [];
    for (const n of sizes) all.push(...(await runs(api, query, { n }, 1)));
    expect(all.map((r) => r.execution)).toEqual([
      'interpreted',
      'compiled',
      'compiled',
      'compiled',
      'compiled',
      'compiled',
    ]);
    type Funded = { organisations: { edges: { node: { funded: { edges: unknown[] } } }[] } };
    const longest = (run: Run | undefined) =>
      Math.max(...dataOf<Funded>(run).organisations.edges.map((e) => e.node.funded.edges.length));
    expect(longest(all[0])).toBe(2);
    expect(longest(all[1])).toBe(1);
    sizes.forEach((n, i) => {
      expect(all[i]?.status).toBe(200);
      expect(all[i]?.text).toBe(all[n === 2 ? 0 : 1]?.text);
    });
  });

  it('stops a compiled request that reads too much as an interpreted one', async () => {
    const wide = `{ organisations(first: 100) { edges { node { name evidence { source section firstLine lastLine }
      relationships(first: 50) { edges { node { name } evidence { source section firstLine lastLine } } } } } } }`;
    const capped = api.with({ HLP_STORE_STATS: 'on', HLP_MAX_RESPONSE_BYTES: '20000' });
    const all = await runs(capped, wide);
    expect(sameAnswers(all)).toEqual(['interpreted', 'compiled', 'compiled']);
    expect(all[0]?.status).toBe(400);
    expect(all[0]?.body.errors?.[0]?.extensions?.['code']).toBe('RESPONSE_TOO_LARGE');
  });

  it('runs every query in graphql-js with HLP_COMPILED_QUERIES=off', async () => {
    const off = api.with({ HLP_STORE_STATS: 'on', HLP_COMPILED_QUERIES: 'off' });
    const query = '{ organisations(first: 2) { totalCount edges { node { id name } } } }';
    const all = await runs(off, query);
    expect(sameAnswers(all)).toEqual([null, null, null]);
    expect(all[0]?.text).toBe((await runs(api, query, {}, 2))[1]?.text);
  });
});

describe('compiled queries when the store fails', () => {
  // A store whose readers fail every read while `down` is set, counting the reads they are asked.
  let down = false;
  let reads = 0;
  const failing = (store: GraphStore): GraphStore =>
    aroundReads(store, () => {
      reads++;
      if (down) throw new StoreUnavailableError('the test took the store down');
    });
  const api = servedGraph('kuzu', { seeds: 'real', config: { HLP_STORE_STATS: 'on' }, wrap: failing });

  it('answers as graphql-js does, and reads no more than once', async () => {
    const query = '{ organisations(first: 2) { totalCount edges { node { id name } } } }';
    expect(sameAnswers(await runs(api, query, {}, 2))).toEqual(['interpreted', 'compiled']);
    down = true;
    reads = 0;
    const compiled = await runs(api, query, {}, 1);
    const compiledReads = reads;
    reads = 0;
    const interpreted = await runs(
      api.with({ HLP_STORE_STATS: 'on', HLP_COMPILED_QUERIES: 'off' }),
      query,
      {},
      1,
    );
    down = false;
    expect(compiled[0]?.execution).toBe('compiled');
    expect(compiled[0]?.body.errors?.[0]?.extensions?.['code']).toBe('STORE_UNAVAILABLE');
    expect(compiled[0]?.status).toBe(interpreted[0]?.status);
    expect(compiled[0]?.text).toBe(interpreted[0]?.text);
    expect(compiledReads).toBe(reads);
  });
});
