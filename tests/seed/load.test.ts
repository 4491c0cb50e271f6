import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openStore } from '../../src/store/open-store.js';
import { runCli, startCli } from '../support/cli.js';
import { ENGINES_UNDER_TEST, ROOT, testEnv } from '../support/env.js';
import { bigSeeds, lateBrokenSeeds } from '../support/seeds.js';
import { silentLog } from '../support/store.js';

const INVALID = join(ROOT, 'tests/fixtures/seeds/invalid');

/** The phases of a Neo4j load, as the progress lines name them. */
const NEO4J_PHASES = [
  'reading and validating seeds',
  'clearing an earlier load',
  'writing nodes',
  'writing relationships',
  'deriving',
  'switching',
  'deleting the replaced graph',
];

/** How many nodes a Neo4j load has staged and not switched to (none once a load ends). */
async function stagedNodes(): Promise<number> {
  const driver = neo4j.driver(process.env['NEO4J_URI'] ?? '');
  try {
    const { records } = await driver.executeQuery('MATCH (n:StagedEntity) RETURN count(n) AS c');
    return Number(records[0]?.get('c'));
  } finally {
    await driver.close();
  }
}

async function snapshot(env: Record<string, string>) {
  const store = await openStore(loadConfig(env), silentLog);
  try {
    return { graph: await store.readGraph(), version: await store.graphVersion() };
  } finally {
    await store.close();
  }
}

describe.each(ENGINES_UNDER_TEST)('hlp-graph load on %s', (engine) => {
  it('loads the seeds, and loading twice leaves the same nodes and edges', async () => {
    const env = testEnv(engine);
    const first = await runCli(['load'], env);
    expect(first.stdout).toContain(`loaded 16 nodes and 16 relationships into ${engine}`);
    expect(first.code).toBe(0);
    const once = await snapshot(env);
    const second = await runCli(['load'], env);
    expect(second.code).toBe(0);
    const twice = await snapshot(env);
    expect(twice.graph).toEqual(once.graph);
    expect(twice.graph.nodes).toHaveLength(16);
    expect(twice.graph.edges).toHaveLength(16);
  });

  it('when a seed file has a wrong type, a dangling reference or a duplicate id, nothing is written', async () => {
    const env = testEnv(engine);
    expect((await runCli(['load'], env)).code).toBe(0);
    const before = await snapshot(env);
    const bad = await runCli(['load'], { ...env, HLP_SEEDS_DIR: INVALID });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('SEED_INVALID: the seeds have 4 problem(s); nothing was written');
    expect(await snapshot(env)).toEqual(before);
  });

  it('when one record in a late file points at a missing node, the load names its file and line and writes nothing', async () => {
    const env = testEnv(engine);
    expect((await runCli(['load'], env)).code).toBe(0);
    const before = await snapshot(env);
    const broken = lateBrokenSeeds();
    const bad = await runCli(['load'], { ...env, HLP_SEEDS_DIR: broken.dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('SEED_INVALID: the seeds have 1 problem(s); nothing was written');
    expect(bad.stderr).toContain(
      `${broken.file}:${broken.line} record partners_with:org.late-5-0:org.nowhere field to: no node has the id org.nowhere`,
    );
    expect(await snapshot(env)).toEqual(before);
  });

  it('a load reports each of its phases on stderr', async () => {
    // Every phase, however short (HLP_LOAD_PROGRESS=all).
    const env = testEnv(engine, { HLP_LOAD_PROGRESS: 'all' });
    const result = await runCli(['load'], env);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stderr.split('\n').filter((l) => l.startsWith('hlp-graph load: '));
    expect(lines.map((l) => /^hlp-graph load: ([^:,]+)/.exec(l)?.[1])).toEqual(
      engine === 'kuzu'
        ? [
            'reading and validating seeds',
            'staging nodes as CSV',
            'staging relationships as CSV',
            'copying nodes into Kuzu',
            'copying relationships into Kuzu',
            'deriving',
            'switching to the new graph',
          ]
        : NEO4J_PHASES,
    );
    expect(lines[0]).toMatch(
      /reading and validating seeds: 32 records, [\d,]+ records\/s, \d+\.\d s \(done\)$/,
    );
  });

  it('a load killed half-way through its bulk writes leaves the store as it was before, and nothing of it behind', async () => {
    const env = testEnv(engine);
    expect((await runCli(['load'], env)).code).toBe(0);
    const before = await snapshot(env);
    const files = engine === 'kuzu' ? readdirSync(env['HLP_DATA_DIR'] ?? '').sort() : [];
    // 60,000 records: long enough to be killed in the middle.
    const load = startCli(['load'], { ...env, HLP_SEEDS_DIR: bigSeeds(30_000), HLP_LOAD_PROGRESS: 'all' });
    // Killed once every node is written and the relationships are being copied (Kuzu: COPY into
    // the new database) or written (Neo4j: batches into the staged graph, each committed).
    await load.waitFor(
      engine === 'kuzu' ? /copying nodes into Kuzu: .*\(done\)/ : /writing nodes: .*\(done\)/,
    );
    load.child.kill('SIGKILL');
    await load.stop();
    expect(load.output()).not.toMatch(/loaded \d+ nodes/);
    const after = await snapshot(env);
    expect(after.graph).toEqual(before.graph);
    expect(after.version).toEqual(before.version);
    // Opening the store again removed the half-built database.
    if (engine === 'kuzu') expect(readdirSync(env['HLP_DATA_DIR'] ?? '').sort()).toEqual(files);
    if (engine === 'neo4j') {
      // Its batches were committed apart: the staged nodes are there, unseen, until the next load.
      expect(await stagedNodes()).toBeGreaterThan(0);
      const next = await runCli(['load'], env);
      expect(next.code, next.stderr).toBe(0);
      expect(await stagedNodes()).toBe(0);
      expect((await snapshot(env)).graph).toEqual(before.graph);
    }
  });
});
