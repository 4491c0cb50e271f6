import type { YogaServerInstance } from 'graphql-yoga';
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

export function appFor(store: GraphStore, engine: Engine, overrides: Record<string, string> = {}): TestApp {
  return createApp({ store, config: loadConfig(testEnv(engine, overrides)), log: silentLog });
}

/** Sends one GraphQL operation through the app, over no socket. */
export async function gql<T = Record<string, unknown>>(
  app: TestApp,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  const response = await app.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
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

/** What one POST answered: its HTTP status, the store statements it ran (HLP_STORE_STATS=on) and its body. */
export interface HttpAnswer {
  status: number;
  statements: string | null;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** Posts one operation as JSON and keeps the status and headers a refusal test looks at. */
export async function postGraphql(
  app: TestApp,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<HttpAnswer> {
  const response = await app.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    statements: response.headers.get('x-store-statements'),
    body: (await response.json()) as HttpAnswer['body'],
  };
}
