import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/env.js';
import { type Served, serve } from '../support/harness.js';
import { buildServer, missingTools, startServer, type TestServer } from '../support/neo4j-server.js';
import { openGraph } from '../support/store.js';

// These tests stop and restart a Neo4j server of their own, so they never disturb the shared one.
const runnable = process.env['HLP_TEST_NEO4J'] !== '0' && missingTools() === null;

const QUERY = '{ organisations(first: 2) { totalCount edges { node { name } } } }';

describe.runIf(runnable)('when the real Neo4j server goes away and comes back', () => {
  const dataDir = tempDir('neo4j-fault');
  let server: TestServer;
  // Its own server, not the shared one the harness's hooks would open a store on.
  let api: Served;

  beforeAll(async () => {
    buildServer();
    server = await startServer({ dataDir });
    const settings = {
      NEO4J_URI: server.uri,
      NEO4J_PASSWORD: '',
      HLP_NEO4J_CONNECT_TIMEOUT_MS: '2000',
      HLP_QUERY_TIMEOUT_MS: '2000',
    };
    api = serve(await openGraph('neo4j', 'fixture', settings), 'neo4j', settings);
  });
  afterAll(async () => {
    await api?.store.close();
    await server?.stop();
  });

  it('answers while Neo4j is up', async () => {
    const result = await api.gql(QUERY);
    expect(result.errors).toBeUndefined();
    expect((await api.fetch('/ready')).status).toBe(200);
  });

  // The 20 s limit is the point: with the driver's defaults this request would wait 30 to 60 s.
  it('fails fast with a masked STORE_UNAVAILABLE error once Neo4j is killed, and /ready says not ready', {
    timeout: 20_000,
  }, async () => {
    await server.kill();
    const result = await api.gql(QUERY);
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('STORE_UNAVAILABLE');
    expect(result.errors?.[0]?.message).toBe('The graph store is unavailable; try again shortly.');
    expect(JSON.stringify(result)).not.toContain('127.0.0.1');
    expect((await api.fetch('/ready')).status).toBe(503);
  });

  it('recovers without a restart of the service when Neo4j is back', async () => {
    server = await startServer({ port: server.port, dataDir });
    const result = await api.gql<{ organisations: { totalCount: number } }>(QUERY);
    expect(result.errors).toBeUndefined();
    expect(result.data?.organisations.totalCount).toBe(5);
    expect((await api.fetch('/ready')).status).toBe(200);
  });
});
