import type { YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Context } from '../../src/context.js';
import type { GraphStore } from '../../src/store/port.js';
import { type Engine, testEnv } from './env.js';
import { silentLog } from './store.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

export type TestApp = YogaServerInstance<Record<string, never>, Context>;

/** The service on `store` with the test settings and `overrides`, logging to `log` (nowhere by default). */
export function appFor(
  store: GraphStore,
  engine: Engine,
  overrides: Record<string, string> = {},
  log: Logger = silentLog,
): TestApp {
  return createApp({ store, config: loadConfig(testEnv(engine, overrides)), log });
}

/** What one POST answered: its HTTP status and headers, the store statements it ran (HLP_STORE_STATS=on) and its body. */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  statements: string | null;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/**
 * Posts one JSON body to /graphql, over no socket, and keeps what a test looks at. Every other way
 * the tests post GraphQL goes through here.
 */
export async function postJson(
  app: TestApp,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  const response = await app.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    statements: response.headers.get('x-store-statements'),
    body: (await response.json()) as HttpAnswer['body'],
  };
}

/** Posts one operation as JSON and keeps the status and headers a refusal test looks at. */
export function postGraphql(
  app: TestApp,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  return postJson(app, { query, variables }, headers);
}

/** Sends one GraphQL operation through the app, over no socket. */
export async function gql<T = Record<string, unknown>>(
  app: TestApp,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  return (await postGraphql(app, query, variables)).body as GraphQLResponse<T>;
}

/** Like gql, but fails the test on any error and returns the data. */
export async function gqlData<T = Record<string, unknown>>(
  app: TestApp,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const result = await gql<T>(app, query, variables);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
  if (!result.data) throw new Error('GraphQL returned no data');
  return result.data;
}
