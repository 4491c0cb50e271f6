import { describe, expect, it } from 'vitest';
import { StoreBusyError } from '../../src/store/errors.js';
import type { GraphStore } from '../../src/store/port.js';
import type { HttpAnswer } from '../support/graphql.js';
import { serve, servedGraph } from '../support/harness.js';

/**
 * Every refusal is a 4xx with a stable extensions.code, for `application/json` clients too, and no
 * stack, engine message or file path; refusals made before execution read nothing from the store.
 * Each limit is tried at the limit (answered) and one past it (refused).
 */

type Answer = HttpAnswer;

/** Organisations, then `levels` nested relationship pages: 3 + 3 × levels levels deep, plus name. */
function nestedLevels(levels: number): string {
  let inner = 'name';
  for (let i = 0; i < levels; i++) inner = `relationships(first: 1) { edges { node { ${inner} } } }`;
  return `{ organisations(first: 1) { edges { node { ${inner} } } } }`;
}

const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;
// 19 tokens around the list, one per CCG.
const tokens = (n: number) =>
  `{ organisations(first: 1, filter: { kinds: [${'CCG '.repeat(n - 19)}] }) { totalCount } }`;
const directives = (n: number) => `{ ${'__typename @skip(if: false) '.repeat(n)}}`;

describe('refusals', () => {
  const api = servedGraph('kuzu', { seeds: 'fixture', config: { HLP_STORE_STATS: 'on' } });
  const { store } = api;

  const limits: [string, (n: number) => string, number, string][] = [
    ['aliases', aliases, 100, 'ALIAS_LIMIT_EXCEEDED'],
    ['tokens', tokens, 10_000, 'TOKEN_LIMIT_EXCEEDED'],
    ['directives', directives, 20, 'DIRECTIVE_LIMIT_EXCEEDED'],
  ];

  it.each(limits)(
    '%s: at the limit answered, one past it refused with 400 and %s',
    async (_name, make, n, code) => {
      const at = await api.post(make(n));
      expect(at.body.errors).toBeUndefined();
      expect(at.status).toBe(200);
      const past = await api.post(make(n + 1));
      expect(past.status).toBe(400);
      expect(past.body.errors?.[0]?.extensions?.['code']).toBe(code);
      expect(past.body.errors?.[0]?.message).not.toMatch(/^Syntax Error/);
      expect(past.statements ?? '0').toBe('0');
    },
  );

  it('depth: 19 levels answered, 22 refused with 400 and DEPTH_LIMIT_EXCEEDED before any read', async () => {
    const at = await api.post(nestedLevels(5));
    expect(at.body.errors).toBeUndefined();
    const past = await api.post(nestedLevels(6));
    expect(past.status).toBe(400);
    expect(past.body.errors?.[0]?.extensions?.['code']).toBe('DEPTH_LIMIT_EXCEEDED');
    expect(past.body.errors?.[0]?.message).toBe('Query depth limit of 20 exceeded, found 22.');
    expect(past.statements ?? '0').toBe('0');
  });

  it.each([
    ['a document that does not parse', '{ organisations(first: 5) { totalCount ', {}, 'GRAPHQL_PARSE_FAILED'],
    ['a field that does not exist', '{ nope }', {}, 'GRAPHQL_VALIDATION_FAILED'],
    [
      'a variable of the wrong type',
      'query($n: Int) { organisations(first: $n) { totalCount } }',
      { n: 'ten' },
      'BAD_USER_INPUT',
    ],
    ['a page size out of range', '{ organisations(first: 101) { totalCount } }', {}, 'BAD_USER_INPUT'],
    [
      'a cursor from nowhere',
      '{ organisations(first: 2, after: "zz") { totalCount } }',
      {},
      'BAD_USER_INPUT',
    ],
    [
      // A real cursor's shape and scope with a sort value of the wrong type (the key is a number).
      'a forged cursor whose sort value has the wrong type',
      `{ awards(first: 2, after: "${Buffer.from(JSON.stringify(['c', 'Award:newest:asc', 'x', 1])).toString('base64url')}") { totalCount } }`,
      {},
      'BAD_USER_INPUT',
    ],
    [
      'brackets nested 2,000 deep (before parsing)',
      `${'{a'.repeat(2000)}${'}'.repeat(2000)}`,
      {},
      'DEPTH_LIMIT_EXCEEDED',
    ],
    [
      // An escaped quote inside a block string does not end it: the 2,000 brackets after it count.
      'brackets nested 2,000 deep after a block string with an escaped quote',
      `{ f(a: """\\""" """, b: ${'['.repeat(2000)}${']'.repeat(2000)}) }`,
      {},
      'DEPTH_LIMIT_EXCEEDED',
    ],
    ['a mutation', 'mutation { __typename }', {}, 'OPERATION_NOT_SUPPORTED'],
    ['an operation name the document does not have', '{ __typename }', {}, 'OPERATION_RESOLUTION_FAILURE'],
    [
      'a read cost over the limit',
      'query($n: Int) { organisations(first: $n) { edges { node { relationships(first: $n) { edges { node { relationships(first: $n) { edges { node { relationships(first: $n) { totalCount } } } } } } } } } } }',
      { n: 100 },
      'READ_COST_EXCEEDED',
    ],
  ])('%s: 400 with %s', async (what, query, variables, code) => {
    const answer = what.startsWith('an operation name')
      ? await api.postBody({ query, operationName: 'Nope' })
      : await api.post(query, variables);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.['code']).toBe(code);
    expect(JSON.stringify(answer.body)).not.toMatch(/ at |\/work\/|node_modules|Kuzu|Neo4j/);
  });

  it('brackets inside a string or a comment do not count towards the nesting limit', async () => {
    const text = `{ search(text: """\\""" ${'['.repeat(20)} london """, first: 1) { matched } # ${'{'.repeat(150)}
    }`;
    const answer = await api.post(text);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.status).toBe(200);
  });

  it('GraphQL is answered at /graphql only: other paths ending in /graphql are 404, /graphql/ is checked like /graphql', async () => {
    for (const url of ['http://test/x/graphql', 'http://test/?a=/graphql']) {
      const response = await api.app.fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: '{"query": "{ __typename }"}',
      });
      expect({ url, status: response.status }).toEqual({ url, status: 404 });
    }
    const form = await api.fetch('/graphql/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-graphql-yoga-csrf': '1' },
      body: 'query=%7B__typename%7D',
    });
    expect(form.status).toBe(415);
  });

  it('a JSON body with parameters is read; a content type yoga would not read is 415 with a code', async () => {
    const send = (type: string) =>
      api.fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': type, accept: 'application/json' },
        body: '{"query": "{ __typename }"}',
      });
    expect((await send('application/json; charset=utf-8')).status).toBe(200);
    for (const type of ['Application/JSON', 'application/json ; charset=utf-8']) {
      const response = await send(type);
      expect({ type, status: response.status }).toEqual({ type, status: 415 });
      const body = (await response.json()) as Answer['body'];
      expect(body.errors?.[0]?.extensions?.['code']).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('a store with no memory free: 429 STORE_BUSY with Retry-After', async () => {
    const busy = new Proxy(store, {
      get(target, property, receiver) {
        if (property !== 'openReader') return Reflect.get(target, property, receiver);
        return (options: Parameters<GraphStore['openReader']>[0]) =>
          new Proxy(target.openReader(options), {
            get(reader, name, readerReceiver) {
              const value = Reflect.get(reader, name, readerReceiver);
              if (typeof value !== 'function' || name === 'stats' || name === 'close') return value;
              return () => Promise.reject(new StoreBusyError('listOrganisationByNameAsc'));
            },
          });
      },
    });
    const answer = await api.postBody({ query: '{ organisations(first: 2) { edges { node { name } } } }' });
    expect(answer.status).toBe(200);
    const refused = await serve(busy, 'kuzu').postBody({
      query: '{ organisations(first: 2) { edges { node { name } } } }',
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    const body = refused.body;
    expect(body.errors?.[0]?.extensions?.['code']).toBe('STORE_BUSY');
    expect(body.errors?.[0]?.message).not.toMatch(/listOrganisation|buffer/);
  });

  it.each(['application/xml', 'text/plain', ''])(
    'a POST body of type "%s": 415 with UNSUPPORTED_MEDIA_TYPE',
    async (type) => {
      const response = await api.fetch('/graphql', {
        method: 'POST',
        headers: { ...(type ? { 'content-type': type } : {}), accept: 'application/json' },
        body: '{"query": "{ __typename }"}',
      });
      expect(response.status).toBe(415);
      const body = (await response.json()) as Answer['body'];
      expect(body.errors?.[0]?.extensions?.['code']).toBe('UNSUPPORTED_MEDIA_TYPE');
    },
  );

  it('GET and POST bodies that are not JSON: 400 with BAD_REQUEST, no stack', async () => {
    const get = await api.fetch('/graphql?query=%7B__typename%7D&variables=%7Bnot-json', {
      headers: { accept: 'application/json' },
    });
    expect(get.status).toBe(400);
    const getBody = (await get.json()) as Answer['body'];
    expect(getBody.errors?.[0]?.extensions?.['code']).toBe('BAD_REQUEST');
    const post = await api.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: '{"query": ',
    });
    expect(post.status).toBe(400);
    const postBody = (await post.json()) as Answer['body'];
    expect(postBody.errors?.[0]?.extensions?.['code']).toBe('BAD_REQUEST');
    expect(postBody.errors?.[0]?.extensions?.['originalError']).toBeUndefined();
  });
});
