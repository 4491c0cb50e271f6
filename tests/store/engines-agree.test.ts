import { describe, expect, it } from 'vitest';
import { graphToJson } from '../../src/export/graph-json.js';
import { checkSeeds } from '../../src/seed/load-seeds.js';
import { runCli } from '../support/cli.js';
import { NEO4J_AVAILABLE, REAL_SEEDS, testEnv } from '../support/env.js';

describe.runIf(NEO4J_AVAILABLE)('the two engines hold the same graph', () => {
  it('loading the seeds into Kuzu and into Neo4j gives equal JSON exports: nodes, edges, properties and evidence', async () => {
    const exports: Record<string, string> = {};
    for (const engine of ['kuzu', 'neo4j'] as const) {
      const env = testEnv(engine, { HLP_SEEDS_DIR: REAL_SEEDS });
      const load = await runCli(['load'], env);
      expect(load.code, load.stderr).toBe(0);
      const exported = await runCli(['export', '--format', 'json'], env);
      expect(exported.code, exported.stderr).toBe(0);
      exports[engine] = exported.stdout;
    }
    const kuzu = JSON.parse(exports['kuzu'] ?? '');
    const neo4j = JSON.parse(exports['neo4j'] ?? '');
    const seeds = checkSeeds(REAL_SEEDS).graph;
    expect(kuzu.nodes).toHaveLength(seeds.nodes.length);
    expect(kuzu.edges).toHaveLength(seeds.edges.length);
    expect(neo4j).toEqual(kuzu);
    expect(exports['neo4j']).toBe(exports['kuzu']);
    // And both are the seeds themselves, read back.
    expect(exports['kuzu']).toBe(graphToJson(seeds));
  });
});
