/**
 * The test harness: the one way a test opens a store, loads a graph into it, starts the service on
 * it (no socket: Yoga's fetch) and asks it things.
 *
 *   describe.each(ENGINES_UNDER_TEST)('funding on %s', (engine) => {
 *     const api = servedGraph(engine, { seeds: 'real', config: { HLP_STORE_STATS: 'on' } });
 *     it('...', async () => {
 *       const data = await api.gqlData(QUERY, { first: 5 });   // fails the test on any error
 *       const answer = await api.post(QUERY);                  // status, headers, statements, body
 *       const csv = await api.fetch('/export/funding.csv');    // any path
 *       const strict = api.with({ HLP_MAX_READ_COST: '50' });  // same store, other settings
 *     });
 *   });
 *
 * servedGraph and loadedStore register their own beforeAll (open, load, serve) and afterAll
 * (close), so call them in a describe block (or at the top of a file), before the hooks that use
 * them. The handle's methods and its `store` can be taken at once (`const { store } = loadedStore(...)`);
 * they work from the hooks and tests on; read `app` only there. Store tests that need no service
 * use loadedStore.
 *
 * A test that needs a setup of its own (a store it closes mid-test, two settings for the store,
 * a store behind a proxy) opens it with openGraph and serves it with serve(store, engine): the
 * same handle, without the hooks; it closes that store itself.
 */
import { afterAll, beforeAll } from 'vitest';
import type { GraphStore } from '../../src/store/port.js';
import type { Engine } from './env.js';
import {
  appFor,
  type GraphQLResponse,
  gql,
  gqlData,
  type HttpAnswer,
  postGraphql,
  postJson,
  type TestApp,
} from './graphql.js';
import { openGraph, type Seeds } from './store.js';

/** The service on a store, and the ways a test talks to it. */
export interface Served {
  readonly engine: Engine;
  /** The store (as opened: not what `wrap` made of it). */
  readonly store: GraphStore;
  /** The Yoga app, for what the methods below do not cover (a node http server, a Request object). */
  readonly app: TestApp;
  /** One operation; the whole answer, errors included. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  /** One operation; fails the test on any error and returns the data. */
  gqlData<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** One operation, with the HTTP status and headers (and X-Store-Statements) beside the body. */
  post(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<HttpAnswer>;
  /** A whole JSON body (an operation name, a persisted-query hash) posted to /graphql. */
  postBody(body: unknown, headers?: Record<string, string>): Promise<HttpAnswer>;
  /** Any path of the service (`/export/graph.json`, `/health`), as Yoga answers it. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Another app on the same store, with these settings in place of the handle's own. */
  with(config: Record<string, string>): Served;
}

/** Serves `store` (the store itself, or `served` made of it) with `config` on top of the test settings. */
export function serve(
  store: GraphStore,
  engine: Engine,
  config: Record<string, string> = {},
  served: GraphStore = store,
): Served {
  const app = appFor(served, engine, config);
  return {
    engine,
    store,
    app,
    gql: (query, variables) => gql(app, query, variables),
    gqlData: (query, variables) => gqlData(app, query, variables),
    post: (query, variables, headers) => postGraphql(app, query, variables, headers),
    postBody: (body, headers) => postJson(app, body, headers),
    fetch: async (path, init) =>
      init ? app.fetch(`http://test${path}`, init) : app.fetch(`http://test${path}`),
    with: (other) => serve(store, engine, other, served),
  };
}

export interface GraphOptions {
  /** What the store holds: 'real' (seeds/), 'fixture' (the default), 'empty', or a seeds directory (or a function that makes one). */
  seeds?: Seeds | (() => Seeds | Promise<Seeds>);
  /** Settings (environment variables) for the store and the service, on top of testEnv's. */
  config?: Record<string, string>;
  /** What the service reads in place of the store: a counting proxy (callCounter().wrap), a slowed one. */
  wrap?: (store: GraphStore) => GraphStore;
  /** Milliseconds the opening hook may take (the config's hookTimeout when not given). */
  timeout?: number;
}

function notYet(): never {
  throw new Error('the harness opens its store in beforeAll: use the handle from a hook or a test');
}

/** A store that forwards to the one the hooks open, so a test can take it before it exists. */
function forwarding(current: () => GraphStore | undefined): GraphStore {
  return new Proxy({} as GraphStore, {
    get(_target, property) {
      const store = current() ?? notYet();
      const value = Reflect.get(store, property, store);
      return typeof value === 'function' ? value.bind(store) : value;
    },
  });
}

/** A store of `engine` holding `options.seeds`, opened before the tests of the block and closed after them. */
export function loadedStore(
  engine: Engine,
  options: Omit<GraphOptions, 'wrap'> = {},
): { readonly store: GraphStore } {
  let opened: GraphStore | undefined;
  beforeAll(async () => {
    const seeds = typeof options.seeds === 'function' ? await options.seeds() : options.seeds;
    opened = await openGraph(engine, seeds, options.config);
  }, options.timeout);
  afterAll(async () => {
    await opened?.close();
  });
  return { store: forwarding(() => opened) };
}

/** The service on a store of `engine` holding `options.seeds`: opened before the tests of the block, closed after them. */
export function servedGraph(engine: Engine, options: GraphOptions = {}): Served {
  const { store } = loadedStore(engine, options);
  let served: Served | undefined;
  beforeAll(() => {
    served = serve(store, engine, options.config, options.wrap ? options.wrap(store) : store);
  });
  const now = () => served ?? notYet();
  return {
    engine,
    store,
    get app() {
      return now().app;
    },
    gql: (query, variables) => now().gql(query, variables),
    gqlData: (query, variables) => now().gqlData(query, variables),
    post: (query, variables, headers) => now().post(query, variables, headers),
    postBody: (body, headers) => now().postBody(body, headers),
    fetch: (path, init) => now().fetch(path, init),
    with: (config) => now().with(config),
  };
}
