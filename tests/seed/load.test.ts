import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openStore } from '../../src/store/open-store.js';
import { runCli, startCli } from '../helpers/cli.js';
import { ENGINES, ROOT, testEnv } from '../helpers/env.js';
import { bigSeeds } from '../helpers/seeds.js';
import { silentLog } from '../helpers/store.js';

const INVALID = join(ROOT, 'tests/fixtures/seeds/invalid');

async function snapshot(env: Record<string, string>) {
  const store = await openStore(loadConfig(env), silentLog);
  try {
    return { graph: await store.readGraph(), version: await store.graphVersion() };
  } finally {
    await store.close();
  }
}

describe.each(ENGINES)('hlp-graph load on %s', (engine) => {
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

  it('a load killed half-way leaves the store as it was before', async () => {
    const env = testEnv(engine);
    expect((await runCli(['load'], env)).code).toBe(0);
    const before = await snapshot(env);
    const load = startCli(['load'], { ...env, HLP_SEEDS_DIR: bigSeeds(30_000), LOG_LEVEL: 'info' });
    await load.waitFor(/replacing the stored graph in one transaction/);
    // The transaction has begun (the old graph is being deleted, 60,000 records are to be written).
    await new Promise((resolve) => setTimeout(resolve, 100));
    load.child.kill('SIGKILL');
    await load.stop();
    expect(load.output()).not.toContain('seeds loaded');
    const after = await snapshot(env);
    expect(after.graph).toEqual(before.graph);
    expect(after.version).toEqual(before.version);
  });
});
