import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { checkSeeds } from '../../src/seed/load-seeds.js';
import { openStore } from '../../src/store/open-store.js';
import type { GraphStore } from '../../src/store/port.js';
import { FIXTURE_SEEDS, tempDir, testEnv } from '../helpers/env.js';
import { gql, type TestApp } from '../helpers/graphql.js';
import { buildServer, missingTools, startServer, type TestServer } from '../helpers/neo4j-server.js';
import { silentLog } from '../helpers/store.js';

// These tests stop and restart a Neo4j server of their own, so they never disturb the shared one.
const runnable = process.env['HLP_TEST_NEO4J'] !== '0' && missingTools() === null;

const QUERY = '{ organisations(first: 2) { totalCount edges { node { name } } } }';

describe.runIf(runnable)('when the real Neo4j server goes away and comes back', () => {
  const dataDir = tempDir('neo4j-fault');
  let server: TestServer;
  let store: GraphStore;
  let app: TestApp;

  beforeAll(async () => {
    buildServer();
    server = await startServer({ dataDir });
    const env = testEnv('neo4j', {
      NEO4J_URI: server.uri,
      NEO4J_PASSWORD: '',
      HLP_NEO4J_CONNECT_TIMEOUT_MS: '2000',
      HLP_QUERY_TIMEOUT_MS: '2000',
    });
    const config = loadConfig(env);
    store = await openStore(config, silentLog);
    const seeds = checkSeeds(FIXTURE_SEEDS);
    await store.replaceGraph(seeds.graph, seeds.hash);
    app = createApp({ store, config, log: silentLog });
  });
  afterAll(async () => {
    await store?.close();
    await server?.stop();
  });

  it('answers while Neo4j is up', async () => {
    const result = await gql(app, QUERY);
    expect(result.errors).toBeUndefined();
    expect((await app.fetch('http://test/ready')).status).toBe(200);
  });

  // The 20 s limit is the point: with the driver's defaults this request would wait 30 to 60 s.
  it('fails fast with a masked STORE_UNAVAILABLE error once Neo4j is killed, and /ready says not ready', {
    timeout: 20_000,
  }, async () => {
    await server.kill();
    const result = await gql(app, QUERY);
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('STORE_UNAVAILABLE');
    expect(result.errors?.[0]?.message).toBe('The graph store is unavailable; try again shortly.');
    expect(JSON.stringify(result)).not.toContain('127.0.0.1');
    expect((await app.fetch('http://test/ready')).status).toBe(503);
  });

  it('recovers without a restart of the service when Neo4j is back', async () => {
    server = await startServer({ port: server.port, dataDir });
    const result = await gql<{ organisations: { totalCount: number } }>(app, QUERY);
    expect(result.errors).toBeUndefined();
    expect(result.data?.organisations.totalCount).toBe(5);
    expect((await app.fetch('http://test/ready')).status).toBe(200);
  });
});
