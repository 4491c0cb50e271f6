/**
 * The systems under test, each a child process behind HTTP on localhost: this service
 * (`hlp-graph serve`), the raw Cypher server, and @neo4j/graphql. A system knows how to turn an
 * operation into a request (the same request the load generator replays) and its answer into facts.
 */
import { kuzuDatabasePath } from '../../src/store/kuzu/kuzu-executor.js';
import { freePort } from '../../tests/support/ports.js';
import type { Dataset } from './datasets.js';
import { kuzuDirs, storeEnv } from './loading.js';
import type { Inputs, Operation } from './operations/types.js';
import type { Engine, SystemName } from './options.js';
import { type Child, startChild, waitForHttp } from './proc.js';

export interface HttpRequest {
  readonly url: string;
  readonly body: string;
}

export interface Answer {
  readonly ms: number;
  readonly status: number;
  /** The parsed JSON body. */
  readonly json: unknown;
  readonly bytes: number;
  /** x-store-statements / x-store-transactions, null when the server sends none. */
  readonly statements: number | null;
  readonly transactions: number | null;
  /** x-store-sent-statements: what went to the database (the service on Neo4j batches a tick's). */
  readonly sent: number | null;
}

export interface System {
  readonly name: SystemName;
  readonly engine: Engine;
  readonly child: Child;
  /** Where it takes requests (POST). */
  readonly url: string;
  /** The request for `op`, or null when this system cannot express it. */
  request(op: Operation, inputs: Inputs): HttpRequest | null;
  /** Facts of a successful answer; throws with the server's errors otherwise. */
  facts(op: Operation, answer: Answer): Record<string, unknown>;
}

function header(response: Response, name: string): number | null {
  const value = response.headers.get(name);
  return value === null ? null : Number(value);
}

/** Sends one request and reads the whole answer; `ms` is until the last byte. */
export async function send(request: HttpRequest, timeoutMs = 600_000): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(request.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: request.body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = { error: text.slice(0, 500) };
  }
  return {
    ms,
    status: response.status,
    json,
    bytes: text.length,
    statements: header(response, 'x-store-statements'),
    transactions: header(response, 'x-store-transactions'),
    sent: header(response, 'x-store-sent-statements'),
  };
}

function graphqlData(answer: Answer, who: string): unknown {
  const json = answer.json as { data?: unknown; errors?: unknown };
  if (answer.status !== 200 || json.errors || json.data === undefined || json.data === null)
    throw new Error(
      `${who} answered ${answer.status}: ${JSON.stringify(json.errors ?? json).slice(0, 1000)}`,
    );
  return json.data;
}

/** Starts this service on the loaded store, loading nothing (HLP_LOAD_ON_START=never). */
export async function startOurs(dataset: Dataset, engine: Engine, neo4jUri: string | null): Promise<System> {
  const port = await freePort();
  const child = startChild(`service (${engine})`, 'node', ['bin/hlp-graph.js', 'serve'], {
    ...storeEnv(dataset, engine, neo4jUri),
    PORT: String(port),
    HLP_LOAD_ON_START: 'never',
    HLP_STORE_STATS: 'on',
    // The bench asks for pages of 100; the service's maximum.
    HLP_MAX_PAGE_SIZE: '100',
    // The first network summary on a big graph is one long request (its analysis), timed as such,
    // not answered NETWORK_PENDING after the default 10 s.
    HLP_REQUEST_TIMEOUT_MS: '600000',
  });
  await waitForHttp(`http://127.0.0.1:${port}/ready`, child, 120_000);
  const url = `http://127.0.0.1:${port}/graphql`;
  return {
    name: 'ours',
    engine,
    child,
    url,
    request: (op, inputs) => ({
      url,
      body: JSON.stringify({ query: op.ours.query, variables: op.ours.variables(inputs) }),
    }),
    facts: (op, answer) => op.ours.facts(graphqlData(answer, `service (${engine})`)),
  };
}

/** Starts the raw Cypher server: on Neo4j through the driver, on Kuzu on its own read-only copy. */
export async function startRaw(dataset: Dataset, engine: Engine, neo4jUri: string | null): Promise<System> {
  const port = await freePort();
  const where =
    engine === 'neo4j' ? ['--uri', String(neo4jUri)] : ['--dir', kuzuDatabasePath(kuzuDirs(dataset).raw)];
  const child = startChild(
    `raw Cypher (${engine})`,
    'node',
    ['--import', 'tsx', 'scripts/bench/raw-server.ts', '--engine', engine, '--port', String(port), ...where],
    {},
  );
  await waitForHttp(`http://127.0.0.1:${port}/ready`, child, 120_000);
  const url = `http://127.0.0.1:${port}/query`;
  return {
    name: 'raw',
    engine,
    child,
    url,
    request: (op, inputs) => ({ url, body: JSON.stringify({ op: op.id, params: op.raw.params(inputs) }) }),
    facts(op, answer) {
      const json = answer.json as { rows?: unknown[]; error?: string };
      if (answer.status !== 200 || !json.rows)
        throw new Error(`raw ${engine} failed: ${json.error ?? answer.status}`);
      return op.raw.facts(json.rows as Record<string, unknown>[]);
    },
  };
}

/** Starts @neo4j/graphql on the same Neo4j database. */
export async function startNeo4jGraphql(neo4jUri: string): Promise<System> {
  const port = await freePort();
  const child = startChild(
    '@neo4j/graphql',
    'node',
    ['--import', 'tsx', 'scripts/bench/neo4j-graphql/server.ts', '--uri', neo4jUri, '--port', String(port)],
    {},
  );
  const url = `http://127.0.0.1:${port}/graphql`;
  // Yoga answers GET /graphql?query={__typename} once the schema is built.
  await waitForHttp(`${url}?query=%7B__typename%7D`, child, 120_000);
  return {
    name: 'neo4j-graphql',
    engine: 'neo4j',
    child,
    url,
    request(op, inputs) {
      if ('unsupported' in op.neo4jGraphql) return null;
      return {
        url,
        body: JSON.stringify({ query: op.neo4jGraphql.query, variables: op.neo4jGraphql.variables(inputs) }),
      };
    },
    facts(op, answer) {
      if ('unsupported' in op.neo4jGraphql) throw new Error(`${op.id} is not expressible in @neo4j/graphql`);
      return op.neo4jGraphql.facts(graphqlData(answer, '@neo4j/graphql'));
    },
  };
}

/** A raw request outside the operations (the input picks), for the inputs module. */
export async function rawQuery(
  system: System,
  op: string,
  params: Record<string, unknown> = {},
): Promise<Record<string, unknown>[]> {
  const answer = await send({ url: system.url, body: JSON.stringify({ op, params }) });
  const json = answer.json as { rows?: Record<string, unknown>[]; error?: string };
  if (!json.rows) throw new Error(`raw ${op} failed: ${json.error ?? answer.status}`);
  return json.rows;
}
