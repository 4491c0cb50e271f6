import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/graphql.js';
import { servedGraph } from '../support/harness.js';

/**
 * graphql-cop (github.com/dolevf/graphql-cop, 1.15), the security auditor many CI pipelines run
 * against GraphQL APIs, as tests: each of its probes sends the request graphql-cop sends (same
 * body, operation name, method, content type and User-Agent; lib/tests/*.py, lib/utils.py) and
 * judges the answer by graphql-cop's own criterion, written out below as `flags`.
 *
 * In production mode (NODE_ENV=production) no probe that guards a door finds it open. Three doors
 * are open in development on purpose, for analysts exploring the graph in GraphiQL: the IDE itself,
 * introspection and field suggestions; each of those tests also asserts that development opens it,
 * so the exception is a decision, not an accident.
 *
 * The DoS probes find nothing either: 101 aliases are one past the alias limit (100) and refused;
 * a repeated unknown directive is one validation error, not one per repeat. Field Duplication
 * still flags by its letter and is harmless by its substance: graphql-cop itself no longer runs it
 * (dolevf/graphql-cop#43: graphql-js merges duplicate fields, so 500 `__typename` are one field);
 * the token limit bounds the parse. That test pins the verdict and proves the bound.
 */

const ENDPOINT = 'http://test/graphql';
const COP_VERSION = '1.15';

/** What Python requests sends with every graphql-cop request (config.py sets the User-Agent). */
const REQUESTS_HEADERS: Readonly<Record<string, string>> = {
  'user-agent': `graphql-cop/${COP_VERSION}`,
  'accept-encoding': 'gzip, deflate',
  accept: '*/*',
  connection: 'keep-alive',
};

/** One answer as graphql-cop sees it, plus what it cost the store (HLP_STORE_STATS=on). */
interface CopResponse {
  readonly status: number;
  /** Python's `if response` on a requests.Response: true only below 400. */
  readonly ok: boolean;
  readonly text: string;
  /** The parsed body, or undefined when it is not JSON (graphql-cop's `except: pass`). */
  readonly json: unknown;
  readonly statements: string | null;
}

async function copResponse(response: Response): Promise<CopResponse> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return {
    status: response.status,
    ok: response.ok,
    text,
    json,
    statements: response.headers.get('x-store-statements'),
  };
}

/** lib/utils.py graph_query: a JSON POST of `{query, operationName: 'cop'}`, or of 10 `{query}` in an array. */
async function graphQuery(app: TestApp, payload: string, batch = false): Promise<CopResponse> {
  const data = batch
    ? Array.from({ length: 10 }, () => ({ query: payload }))
    : { query: payload, operationName: 'cop' };
  return copResponse(
    await app.fetch(ENDPOINT, {
      method: 'POST',
      headers: { ...REQUESTS_HEADERS, 'content-type': 'application/json' },
      body: JSON.stringify(data),
    }),
  );
}

/** lib/utils.py request with verb GET: the query in the URL, no body. */
async function getRequest(
  app: TestApp,
  params: Record<string, string> = {},
  headers: Record<string, string> = {},
): Promise<CopResponse> {
  const url = new URL(ENDPOINT);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return copResponse(await app.fetch(url.toString(), { headers: { ...REQUESTS_HEADERS, ...headers } }));
}

/** lib/utils.py request with verb POST and `data=`: a url-encoded form body. */
async function formPost(app: TestApp, data: Record<string, string>): Promise<CopResponse> {
  return copResponse(
    await app.fetch(ENDPOINT, {
      method: 'POST',
      headers: { ...REQUESTS_HEADERS, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(data).toString(),
    }),
  );
}

/** Python's `value[k1][k2]…`, undefined where it would raise. */
function at(value: unknown, ...keys: (string | number)[]): unknown {
  let current = value;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** Python truthiness: empty strings, lists and dicts, 0, None and False are false. */
function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (value !== null && typeof value === 'object') return Object.keys(value).length > 0;
  return Boolean(value);
}

/** Python's len() of a JSON value: items of a list, keys of a dict (graphql-cop never sees a string). */
function len(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (value !== null && typeof value === 'object') return Object.keys(value).length;
  return 0;
}

/** Whether any object anywhere in a JSON value has this key (wider than graphql-cop's own test). */
function hasKey(value: unknown, key: string): boolean {
  if (Array.isArray(value)) return value.some((v) => hasKey(v, key));
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => k === key || hasKey(v, key));
}

/** The extensions object of a Python dict printed with str(), lower-cased, begins with this key. */
function extensionsBeginWith(json: unknown, key: string): boolean {
  const walk = (value: unknown): boolean => {
    if (Array.isArray(value)) return value.some(walk);
    if (value === null || typeof value !== 'object') return false;
    return Object.entries(value).some(
      ([k, v]) =>
        (k.toLowerCase() === 'extensions' &&
          v !== null &&
          typeof v === 'object' &&
          Object.keys(v)[0]?.toLowerCase() === key) ||
        walk(v),
    );
  };
  return walk(json);
}

const errorsOf = (r: CopResponse): { message?: string; extensions?: Record<string, unknown> }[] => {
  const errors = at(r.json, 'errors');
  return Array.isArray(errors) ? errors : [];
};
const codeOf = (r: CopResponse): unknown => at(r.json, 'errors', 0, 'extensions', 'code');

const IDE_HEURISTICS = ['graphiql.min.css', 'GraphQL Playground', 'GraphiQL', 'graphql-playground'];

/** graphql-cop's verdicts, each the `res['result'] = True` condition of its probe. */
const flags = {
  fieldSuggestions: (r: CopResponse) =>
    String(at(r.json, 'errors', 0, 'message') ?? '').includes('Did you mean'),
  introspection: (r: CopResponse) => truthy(at(r.json, 'data', '__schema', 'types')),
  graphiql: (r: CopResponse) => r.ok && IDE_HEURISTICS.some((word) => r.text.includes(word)),
  getQuery: (r: CopResponse) => r.ok && truthy(at(r.json, 'data', '__typename')),
  aliasOverloading: (r: CopResponse) => truthy(at(r.json, 'data', 'alias100')),
  batch: (r: CopResponse) => len(r.json) >= 10,
  traceMode: (r: CopResponse) =>
    truthy(at(r.json, 'errors', 0, 'extensions', 'tracing')) || extensionsBeginWith(r.json, 'tracing'),
  directiveOverloading: (r: CopResponse) => len(at(r.json, 'errors')) === 10,
  circularIntrospection: (r: CopResponse) => len(at(r.json, 'data', '__schema', 'types')) > 25,
  getMutation: (r: CopResponse) => r.ok && truthy(at(r.json, 'data', '__typename')),
  postCsrf: (r: CopResponse) => r.ok && truthy(at(r.json, 'data', '__typename')),
  unhandledError: (r: CopResponse) =>
    truthy(at(r.json, 'errors', 0, 'extensions', 'exception')) || extensionsBeginWith(r.json, 'exception'),
  fieldDuplication: (r: CopResponse) => truthy(at(r.json, 'data', '__typename')),
};

describe(`graphql-cop ${COP_VERSION} probes`, () => {
  const api = servedGraph('kuzu', {
    seeds: 'fixture',
    config: { NODE_ENV: 'production', HLP_STORE_STATS: 'on' },
  });
  let production: TestApp;
  let development: TestApp;
  /** The two modes, for the probes whose answer must not depend on the mode. */
  let modes: [string, TestApp][];

  beforeAll(() => {
    production = api.app;
    development = api.with({ NODE_ENV: 'development', HLP_STORE_STATS: 'on' }).app;
    modes = [
      ['production', production],
      ['development', development],
    ];
  });

  it('graphql-cop recognises /graphql as GraphQL, so it would run every probe (lib/utils.py is_graphql)', async () => {
    for (const [, app] of modes) {
      const r = await graphQuery(app, '\n    query cop {\n      __typename\n    }\n  ');
      expect(at(r.json, 'data', '__typename')).toBe('Query');
    }
  });

  it('Field Suggestions: none in production; on in development by design', async () => {
    const query = 'query cop { __schema { directive } }';
    const r = await graphQuery(production, query);
    expect(flags.fieldSuggestions(r)).toBe(false);
    expect(r.status).toBe(400);
    expect(codeOf(r)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(
      errorsOf(r)
        .map((e) => e.message)
        .join('\n'),
    ).not.toMatch(/Did you mean/);
    // Nor on the service's own types, which graphql-cop does not try.
    const typo = await graphQuery(production, 'query cop { organisations(first: 1) { totalCont } }');
    expect(errorsOf(typo).map((e) => e.message)).toEqual([
      'Cannot query field "totalCont" on type "QueryOrganisationsConnection". [Suggestion hidden]',
    ]);
    // Deliberate exception: in development GraphiQL's analysts get "Did you mean".
    expect(flags.fieldSuggestions(await graphQuery(development, query))).toBe(true);
  });

  it('Introspection: refused in production; answered in development by design', async () => {
    const query = 'query cop { __schema { types { name fields { name } } } }';
    const r = await graphQuery(production, query);
    expect(flags.introspection(r)).toBe(false);
    expect(r.status).toBe(400);
    expect(codeOf(r)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(at(r.json, 'data')).toBeUndefined();
    expect(r.text).not.toMatch(/"Organisation"/);
    // Deliberate exception: GraphiQL's documentation explorer needs introspection in development.
    expect(flags.introspection(await graphQuery(development, query))).toBe(true);
  });

  it('GraphQL IDE: no GraphiQL page in production; served in development by design', async () => {
    const r = await getRequest(production, {}, { accept: 'text/html' });
    expect(flags.graphiql(r)).toBe(false);
    // Wider than graphql-cop, which ignores the page of a 4xx: no IDE text in the answer at all.
    expect(IDE_HEURISTICS.filter((word) => r.text.includes(word))).toEqual([]);
    expect(r.status).toBe(406);
    // Deliberate exception: GraphiQL, with the example queries, is how analysts explore in development.
    expect(flags.graphiql(await getRequest(development, {}, { accept: 'text/html' }))).toBe(true);
  });

  it("GraphQL IDE on the paths graphql-cop's wordlist tries: 404 with no IDE text, in either mode; / is the explorer, no IDE", async () => {
    for (const [mode, app] of modes) {
      // The explorer's page: no GraphiQL or Playground (its words would be in the page that loads one).
      const root = await app.fetch('http://test/', { headers: { ...REQUESTS_HEADERS, accept: 'text/html' } });
      const page = await root.text();
      expect({ mode, status: root.status, ide: IDE_HEURISTICS.filter((w) => page.includes(w)) }).toEqual({
        mode,
        status: 200,
        ide: [],
      });
      expect(page).toContain('/explorer/app.js');
      for (const path of ['/graphiql', '/playground', '/console']) {
        const r = await app.fetch(`http://test${path}`, {
          headers: { ...REQUESTS_HEADERS, accept: 'text/html' },
        });
        const text = await r.text();
        expect({ mode, path, status: r.status, ide: IDE_HEURISTICS.filter((w) => text.includes(w)) }).toEqual(
          {
            mode,
            path,
            status: 404,
            ide: [],
          },
        );
      }
    }
  });

  it('GET Method Query Support: a GET without the CSRF header runs nothing (403) in either mode', async () => {
    for (const [mode, app] of modes) {
      const r = await getRequest(app, { query: 'query cop {__typename}' });
      expect({ mode, flagged: flags.getQuery(r) }).toEqual({ mode, flagged: false });
      expect({ mode, status: r.status, code: codeOf(r), data: at(r.json, 'data') }).toEqual({
        mode,
        status: 403,
        code: 'CSRF_HEADER_MISSING',
        data: undefined,
      });
      // GET itself is supported, for clients that send the header a browser cannot send cross-site
      // without a CORS preflight (none is allowed unless HLP_CORS_ORIGINS names the origin).
      const withHeader = await getRequest(
        app,
        { query: 'query cop {__typename}' },
        { 'x-graphql-yoga-csrf': '1' },
      );
      expect({ mode, status: withHeader.status, data: at(withHeader.json, 'data') }).toEqual({
        mode,
        status: 200,
        data: { __typename: 'Query' },
      });
    }
  });

  it('Alias Overloading: 101 aliases are refused before anything runs; 100 are answered', async () => {
    const aliases = (n: number) => Array.from({ length: n }, (_, i) => `alias${i}:__typename \n`).join('');
    for (const [mode, app] of modes) {
      const r = await graphQuery(app, `query cop { ${aliases(101)} }`);
      expect({ mode, flagged: flags.aliasOverloading(r) }).toEqual({ mode, flagged: false });
      expect({ mode, status: r.status, code: codeOf(r), statements: r.statements }).toEqual({
        mode,
        status: 400,
        code: 'ALIAS_LIMIT_EXCEEDED',
        statements: null,
      });
      const at = await graphQuery(app, `query cop { ${aliases(100)} }`);
      expect({ mode, status: at.status, statements: at.statements }).toEqual({
        mode,
        status: 200,
        statements: '0',
      });
    }
  });

  it('Array-based Query Batching: an array of 10 operations is refused (400), not answered 10 times', async () => {
    for (const [mode, app] of modes) {
      const r = await graphQuery(app, 'query cop { __typename }', true);
      expect({ mode, flagged: flags.batch(r) }).toEqual({ mode, flagged: false });
      expect(Array.isArray(r.json)).toBe(false);
      expect({ mode, status: r.status, code: codeOf(r) }).toEqual({ mode, status: 400, code: 'BAD_REQUEST' });
      expect(r.statements).toBeNull();
    }
  });

  it('Trace Mode: no tracing in any answer, in either mode', async () => {
    for (const [mode, app] of modes) {
      const r = await graphQuery(app, 'query cop { __typename }');
      expect({ mode, flagged: flags.traceMode(r) }).toEqual({ mode, flagged: false });
      expect(r.json).toEqual({ data: { __typename: 'Query' } });
      // A refused operation carries no tracing either.
      const refused = await graphQuery(app, 'query cop { nope }');
      expect(hasKey(refused.json, 'tracing')).toBe(false);
      expect(flags.traceMode(refused)).toBe(false);
    }
  });

  it('Directive Overloading: 10 repeats of an unknown directive are one error, nothing runs; 21 are refused', async () => {
    for (const [mode, app] of modes) {
      const r = await graphQuery(app, 'query cop { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }');
      // graphql-cop's criterion is "exactly 10 errors" (one per repeat, as graphql-js reports them):
      // repeats of one mistake are merged into one error listing their 10 locations.
      expect({ mode, flagged: flags.directiveOverloading(r) }).toEqual({ mode, flagged: false });
      expect({ mode, status: r.status, code: codeOf(r), statements: r.statements }).toEqual({
        mode,
        status: 400,
        code: 'GRAPHQL_VALIDATION_FAILED',
        statements: null,
      });
      expect(errorsOf(r).map((e) => e.message)).toEqual(['Unknown directive "@aa".']);
      expect(at(r.json, 'errors', 0, 'locations')).toHaveLength(10);
      const over = await graphQuery(app, `query cop { __typename ${'@aa'.repeat(21)} }`);
      expect({ mode, status: over.status, code: codeOf(over) }).toEqual({
        mode,
        status: 400,
        code: 'DIRECTIVE_LIMIT_EXCEEDED',
      });
    }
  });

  it('Introspection-based Circular Query: refused in both modes, also where introspection is on', async () => {
    const query =
      'query cop { __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }';
    for (const [mode, app] of modes) {
      const r = await graphQuery(app, query);
      expect({ mode, flagged: flags.circularIntrospection(r) }).toEqual({ mode, flagged: false });
      expect({ mode, status: r.status, code: codeOf(r), data: at(r.json, 'data') }).toEqual({
        mode,
        status: 400,
        code: 'GRAPHQL_VALIDATION_FAILED',
        data: undefined,
      });
      // graphql-js's own introspection depth rule, in development too.
      expect(errorsOf(r).map((e) => e.message)).toContain('Maximum introspection depth exceeded');
    }
  });

  it('Mutation is allowed over GET (possible CSRF): refused without the header (403) and with it (405)', async () => {
    for (const [mode, app] of modes) {
      const r = await getRequest(app, { query: 'mutation cop {__typename}' });
      expect({ mode, flagged: flags.getMutation(r) }).toEqual({ mode, flagged: false });
      expect({ mode, status: r.status, code: codeOf(r) }).toEqual({
        mode,
        status: 403,
        code: 'CSRF_HEADER_MISSING',
      });
      const withHeader = await getRequest(
        app,
        { query: 'mutation cop {__typename}' },
        { 'x-graphql-yoga-csrf': '1' },
      );
      expect(flags.getMutation(withHeader)).toBe(false);
      expect({ mode, status: withHeader.status, data: at(withHeader.json, 'data') }).toEqual({
        mode,
        status: 405,
        data: undefined,
      });
    }
  });

  it('POST based url-encoded query (possible CSRF): a form POST is refused (415) in either mode', async () => {
    for (const [mode, app] of modes) {
      const r = await formPost(app, { query: 'query cop { __typename }' });
      expect({ mode, flagged: flags.postCsrf(r) }).toEqual({ mode, flagged: false });
      expect({ mode, status: r.status, code: codeOf(r), data: at(r.json, 'data') }).toEqual({
        mode,
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        data: undefined,
      });
    }
  });

  it('Unhandled Errors Detection: a broken document gets a coded refusal, no exception or stack', async () => {
    for (const [mode, app] of modes) {
      const r = await graphQuery(app, 'qwerty cop { abc }');
      expect({ mode, flagged: flags.unhandledError(r) }).toEqual({ mode, flagged: false });
      expect({ mode, status: r.status, code: codeOf(r) }).toEqual({
        mode,
        status: 400,
        code: 'GRAPHQL_PARSE_FAILED',
      });
      expect(hasKey(r.json, 'exception')).toBe(false);
      expect(hasKey(r.json, 'stacktrace')).toBe(false);
      expect(r.text).not.toMatch(/ at |\/work\/|node_modules/);
    }
  });

  it('Field Duplication: exception (graphql-cop no longer runs it), 500 duplicates are one field and read nothing', async () => {
    for (const [mode, app] of modes) {
      const r = await graphQuery(app, `query cop { ${'__typename \n'.repeat(500)}} `);
      // Flagged by the probe's criterion, which graphql-cop dropped from its default run
      // (dolevf/graphql-cop#43): graphql-js merges identical fields, so this is one field.
      expect({ mode, flagged: flags.fieldDuplication(r) }).toEqual({ mode, flagged: true });
      expect({ mode, status: r.status, json: r.json, statements: r.statements }).toEqual({
        mode,
        status: 200,
        json: { data: { __typename: 'Query' } },
        statements: '0',
      });
      // Parsing is bounded: past 10,000 tokens the document is refused before validation.
      const over = await graphQuery(app, `query cop { ${'__typename \n'.repeat(10_001)}} `);
      expect({ mode, status: over.status, code: codeOf(over) }).toEqual({
        mode,
        status: 400,
        code: 'TOKEN_LIMIT_EXCEEDED',
      });
    }
  });
});
