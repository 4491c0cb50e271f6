import { spawnSync } from 'node:child_process';
import { readlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExamples } from '../../src/graphiql/examples.js';
import type { GraphData } from '../../src/model/records.js';
import { checkSeeds } from '../../src/seed/load-seeds.js';
import { LoadInProgressError, StoreQueryError } from '../../src/store/errors.js';
import { type GraphSource, graphDataSource } from '../../src/store/graph-source.js';
import { startCli } from '../support/cli.js';
import { NEO4J_AVAILABLE, REAL_SEEDS, testEnv } from '../support/env.js';
import { servedGraph } from '../support/harness.js';
import { freePort } from '../support/ports.js';

/**
 * A Neo4j load writes its graph under staged labels in batches committed apart, switches labels in
 * one transaction, then deletes the graph it replaced (src/store/neo4j/neo4j-staged-load.ts). Reads
 * must never see the staged graph, nor the replaced one before it is gone: these tests put copies of
 * the served graph, with the same ids, where an interrupted load leaves them, and ask again.
 */
describe.runIf(NEO4J_AVAILABLE)('a Neo4j load through a staged graph', () => {
  const api = servedGraph('neo4j', { seeds: 'real' });
  const seeds = checkSeeds(REAL_SEEDS);
  let driver: Driver;

  const cypher = async (text: string, params: Record<string, unknown> = {}) => {
    const session = driver.session();
    try {
      return (await session.run(text, params)).records.map((r) => r.toObject());
    } finally {
      await session.close();
    }
  };
  const labelled = async (label: string) =>
    Number((await cypher(`MATCH (n:${label}) RETURN count(n) AS c`))[0]?.['c']);

  /** Every example operation's answer, the graph export and the statistics: what reads show. */
  const answers = async () => {
    const out: Record<string, unknown> = {};
    for (const example of loadExamples()) {
      const variables = example.variables ? (JSON.parse(example.variables) as Record<string, unknown>) : {};
      const result = await api.gql(example.query, variables);
      expect(result.errors, example.name).toBeUndefined();
      out[example.name] = result.data;
    }
    const exported = await api.fetch('/export/graph.json');
    expect(exported.status).toBe(200);
    out['export'] = await exported.text();
    // When the graph was loaded: the one thing a load of the same seeds changes.
    return JSON.parse(JSON.stringify(out).replace(/"loadedAt":"[^"]*"/g, '"loadedAt":"(a time)"'));
  };

  /**
   * The served graph copied, ids and relationships included, as nodes labelled `label` (and, for a
   * staged copy, the staged label of each kind): what a killed load leaves behind.
   */
  const copyServedGraph = async (label: 'StagedEntity' | 'RetiredEntity') => {
    const kindLabel = label === 'StagedEntity' ? "$('Staged' + n.kind)" : label;
    await cypher(`MATCH (n:Entity) CREATE (m:${label}:${kindLabel}) SET m = properties(n)`);
    await cypher(
      `MATCH (a:Entity)-[r]->(b:Entity)
       MATCH (a2:${label} {id: a.id}), (b2:${label} {id: b.id})
       CREATE (a2)-[r2:$(type(r))]->(b2) SET r2 = properties(r)`,
    );
  };

  /** The load lease as another load holds it: renewed `silentMs` ago (0: just now). */
  const leaseHeldBy = (lease: { owner: string; host?: string; pid?: number; silentMs?: number }) =>
    cypher(
      `CREATE (:GraphLoad {key: 'load', owner: $owner, host: $host, pid: $pid,
         startedAt: timestamp() - $silent, heartbeat: timestamp() - $silent})`,
      {
        owner: lease.owner,
        host: lease.host ?? null,
        pid: lease.pid === undefined ? null : neo4j.int(lease.pid),
        silent: neo4j.int(lease.silentMs ?? 0),
      },
    );

  beforeAll(() => {
    driver = neo4j.driver(process.env['NEO4J_URI'] ?? '');
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('reads answer from the served graph alone while staged and replaced copies of it exist', async () => {
    const before = await answers();
    await copyServedGraph('StagedEntity');
    await copyServedGraph('RetiredEntity');
    const served = await labelled('Entity');
    expect(await labelled('StagedEntity')).toBe(served);
    expect(await labelled('RetiredEntity')).toBe(served);
    expect(await answers()).toEqual(before);
    // What a service starting without a load logs.
    const left =
      `Neo4j at ${process.env['NEO4J_URI']} holds ${served} nodes of a load that did not switch and ` +
      `${served} nodes of a replaced graph not yet deleted, unseen by reads: the next load deletes them first`;
    expect(await api.store.leftByLoads()).toBe(left);
    const server = startCli(
      ['serve'],
      testEnv('neo4j', { PORT: String(await freePort()), LOG_LEVEL: 'info', HLP_LOAD_ON_START: 'never' }),
    );
    try {
      await server.waitFor(/GraphiQL at/);
      expect(server.output()).toContain(left);
    } finally {
      await server.stop();
    }
  });

  it('the next load clears those copies, switches to its graph and frees its lease', async () => {
    const before = await answers();
    const summary = await api.store.replaceGraph(seeds.graph, seeds.hash);
    expect(summary.nodes).toBe(seeds.graph.nodes.length);
    expect(await labelled('StagedEntity')).toBe(0);
    expect(await labelled('RetiredEntity')).toBe(0);
    expect(await labelled('GraphLoad')).toBe(0);
    expect(await labelled('Entity')).toBe(seeds.graph.nodes.length);
    expect(await answers()).toEqual(before);
    expect(await api.store.leftByLoads()).toBeNull();
  });

  it('a load that fails before its switch leaves the served graph, and no staged graph or lease', async () => {
    const before = await answers();
    const [first, ...rest] = seeds.graph.edges;
    if (!first) throw new Error('the real graph has relationships');
    // The validator refuses such seeds; a store written to directly must refuse them too.
    const dangling: GraphData = {
      nodes: seeds.graph.nodes,
      edges: [...rest, { ...first, to: 'org.nowhere' }],
    };
    const failed = api.store.replaceGraph(dangling, 'dangling');
    await expect(failed).rejects.toBeInstanceOf(StoreQueryError);
    await expect(failed).rejects.toThrow(
      /query createStagedEdges failed: wrote (\d+) of \d+: an endpoint is missing/,
    );
    expect(await labelled('StagedEntity')).toBe(0);
    expect(await labelled('GraphLoad')).toBe(0);
    expect(await answers()).toEqual(before);
  });

  it('refuses to load while another load renews the lease, and takes over a lease left to go stale', async () => {
    const before = await answers();
    expect(await api.store.loadInProgress()).toBeNull();
    await leaseHeldBy({ owner: 'another' });
    // What a service waiting to load reads (loadInProgress) says what a load is refused with.
    expect(await api.store.loadInProgress()).toMatch(
      /another load has been writing to Neo4j at .* since \d{4}-/,
    );
    const refused = api.store.replaceGraph(seeds.graph, 'refused');
    await expect(refused).rejects.toBeInstanceOf(LoadInProgressError);
    await expect(refused).rejects.toThrow(/another load has been writing to Neo4j at .* since \d{4}-/);
    expect((await cypher('MATCH (l:GraphLoad) RETURN l.owner AS owner'))[0]?.['owner']).toBe('another');
    expect(await answers()).toEqual(before);

    // A load of this host whose process has ended (killed, or stopped with Ctrl-C) loses it at once.
    const ended = spawnSync(process.execPath, ['-e', '']).pid;
    // This host as the lease names it: its name and process-id namespace (neo4j-staged-load.ts).
    const host = `${hostname()} ${readlinkSync('/proc/self/ns/pid')}`;
    await cypher('MATCH (l:GraphLoad) SET l.host = $host, l.pid = $pid', { host, pid: neo4j.int(ended) });
    expect(await api.store.loadInProgress()).toBeNull();
    await api.store.replaceGraph(seeds.graph, seeds.hash);
    expect(await labelled('GraphLoad')).toBe(0);

    // One on another host, or still running here, keeps it until it has gone 60 s without renewing it.
    await leaseHeldBy({ owner: 'another', host: 'elsewhere', pid: 1 });
    await expect(api.store.replaceGraph(seeds.graph, 'refused')).rejects.toThrow(
      /another load \(process 1 on elsewhere\) has been writing/,
    );
    expect(await api.store.loadInProgress()).toMatch(
      /another load \(process 1 on elsewhere\) has been writing/,
    );
    // The other load died 2 minutes ago: its lease is stale, and this load takes it.
    await cypher('MATCH (l:GraphLoad) SET l.heartbeat = timestamp() - 120000');
    expect(await api.store.loadInProgress()).toBeNull();
    await api.store.replaceGraph(seeds.graph, seeds.hash);
    expect(await labelled('GraphLoad')).toBe(0);
    expect(await answers()).toEqual(before);
  });
  it('of two loads taking a stale lease at the same moment, one loads and the other is refused', async () => {
    const before = await answers();
    await leaseHeldBy({ owner: 'dead', host: 'elsewhere', pid: 1, silentMs: 120_000 });
    const outcomes = await Promise.allSettled([
      api.store.replaceGraph(seeds.graph, seeds.hash),
      api.store.replaceGraph(seeds.graph, seeds.hash),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((o) => o.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(LoadInProgressError);
    expect(await labelled('StagedEntity')).toBe(0);
    expect(await labelled('GraphLoad')).toBe(0);
    expect(await answers()).toEqual(before);
  });

  it('a load whose lease another load took over writes nothing more and does not switch', async () => {
    const before = await answers();
    const half = Math.floor(seeds.graph.edges.length / 2);
    const source = graphDataSource(seeds.graph);
    // Half the relationships are written; then another load takes the lease (as it would once this
    // one had not renewed it for 60 s); then this load goes on.
    const stolen: GraphSource = {
      ...source,
      kindOf: (id) => source.kindOf(id),
      nodes: () => source.nodes(),
      async *edges() {
        yield seeds.graph.edges.slice(0, half);
        await cypher("MATCH (l:GraphLoad) SET l.owner = 'another', l.host = 'elsewhere', l.pid = 1");
        yield seeds.graph.edges.slice(half);
      },
    };
    const failed = api.store.loadGraph(stolen, 'stolen');
    await expect(failed).rejects.toBeInstanceOf(LoadInProgressError);
    await expect(failed).rejects.toThrow(/another load took this load's lease on Neo4j at .* over/);
    expect(await answers()).toEqual(before);
    // What it staged is left to the load that holds the lease now, which clears it first.
    expect(await labelled('StagedEntity')).toBe(seeds.graph.nodes.length);
    expect((await cypher('MATCH (l:GraphLoad) RETURN l.owner AS owner'))[0]?.['owner']).toBe('another');
    await cypher('MATCH (l:GraphLoad) DELETE l');
    await api.store.replaceGraph(seeds.graph, seeds.hash);
    expect(await labelled('StagedEntity')).toBe(0);
    expect(await answers()).toEqual(before);
  });
  /** `hlp-graph serve` on the test database, loading the real seeds at start, trying again every 200 ms. */
  const serve = async () => {
    const port = await freePort();
    const server = startCli(
      ['serve'],
      testEnv('neo4j', {
        PORT: String(port),
        // Each refused attempt is logged at debug level.
        LOG_LEVEL: 'debug',
        HLP_SEEDS_DIR: REAL_SEEDS,
        HLP_LOAD_ON_START: 'always',
        HLP_LOAD_RETRY_MS: '200',
      }),
    );
    const organisations = async () => {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ organisations { totalCount } }' }),
      });
      const body = (await response.json()) as { data: { organisations: { totalCount: number } } };
      return body.data.organisations.totalCount;
    };
    /** Waits until the service's load has been refused `times` times. */
    const refused = async (times: number) => {
      while ((server.output().match(/LOAD_IN_PROGRESS/g) ?? []).length < times)
        await new Promise((resolve) => setTimeout(resolve, 100));
    };
    return { server, organisations, refused };
  };
  const loadedAt = async () =>
    (await cypher("MATCH (m:GraphMeta {metaKey: 'loadedAt'}) RETURN m.metaValue AS v"))[0]?.['v'];
  const seededOrganisations = seeds.graph.nodes.filter((n) => n.kind === 'Organisation').length;

  it('a service starting while another load holds the lease serves the graph the store holds, says why, and loads once the lease is free', async () => {
    await leaseHeldBy({ owner: 'another', host: 'elsewhere', pid: 1 });
    const before = await loadedAt();
    const { server, organisations, refused } = await serve();
    try {
      await server.waitFor(/GraphiQL at/);
      expect(server.output()).toContain('LOAD_IN_PROGRESS');
      expect(server.output()).toContain('serving the graph the store holds');
      expect(await organisations()).toBe(seededOrganisations);
      // Still held: the service tries again, and again, and has loaded nothing.
      await refused(3);
      expect(await loadedAt()).toBe(before);
      // The other load ends: this service's load runs (HLP_LOAD_ON_START=always loads again).
      await cypher('MATCH (l:GraphLoad) DELETE l');
      await server.waitFor(/the start-up load another load had held off has run/);
      expect(server.output()).toContain('seeds loaded');
      expect(await loadedAt()).not.toBe(before);
      expect(await labelled('GraphLoad')).toBe(0);
      expect(await organisations()).toBe(seededOrganisations);
    } finally {
      await server.stop();
      await cypher('MATCH (l:GraphLoad) DELETE l');
    }
  });

  it('a service starting on an empty store while another load holds the lease waits for it, then loads and serves', async () => {
    await cypher('MATCH (n) DETACH DELETE n');
    await leaseHeldBy({ owner: 'another', host: 'elsewhere', pid: 1 });
    const { server, organisations, refused } = await serve();
    try {
      await server.waitFor(/waiting for that load to end/);
      await refused(3);
      // Nothing to serve yet: the service does not listen.
      expect(server.output()).not.toContain('GraphiQL at');
      await cypher('MATCH (l:GraphLoad) DELETE l');
      await server.waitFor(/GraphiQL at/);
      expect(server.output()).toContain('seeds loaded');
      expect(await organisations()).toBe(seededOrganisations);
      expect(await labelled('GraphLoad')).toBe(0);
    } finally {
      await server.stop();
      await cypher('MATCH (l:GraphLoad) DELETE l');
      // The suite's later tests, and the next suites, read the real graph.
      if ((await loadedAt()) === undefined) await api.store.replaceGraph(seeds.graph, seeds.hash);
    }
  });
});
