import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Engine } from '../../src/store/engine.js';

export type { Engine };

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const FIXTURE_SEEDS = join(ROOT, 'tests/fixtures/seeds/valid');
export const REAL_SEEDS = join(ROOT, 'seeds');

/** Neo4j suites run when the global setup started a test server (or NEO4J_URI points at one). */
export const NEO4J_AVAILABLE = Boolean(process.env['NEO4J_URI']);

/** The engines every store, seed and API suite runs on: Kuzu always, Neo4j when it is available. */
export const ENGINES_UNDER_TEST: readonly Engine[] = NEO4J_AVAILABLE ? ['kuzu', 'neo4j'] : ['kuzu'];

/** A new temporary folder, inside the run's own (temp-global-setup.ts) when there is one. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(process.env['HLP_TEST_TMP'] ?? tmpdir(), `hlp-${prefix}-`));
}

/**
 * Environment for a test process or config: a fresh embedded store in a temp dir, small Kuzu memory
 * settings, quiet logs; for neo4j the test server's URI from the global setup.
 */
export function testEnv(engine: Engine, overrides: Record<string, string> = {}): Record<string, string> {
  const base: Record<string, string> = {
    HLP_STORE: engine,
    HLP_DATA_DIR: tempDir('data'),
    HLP_SEEDS_DIR: FIXTURE_SEEDS,
    HLP_KUZU_BUFFER_POOL_MB: '128',
    HLP_KUZU_MAX_DB_SIZE_MB: '1024',
    LOG_LEVEL: 'silent',
  };
  if (engine === 'neo4j') {
    // The shared test server plans each statement text the first time any suite sends it (0.1 to
    // 0.3 s on these machines): a request that opens every relationship kind sends dozens. Tests
    // check answers, not latency (that is the bench's), so the deadline allows for cold plans; the
    // suites that test deadlines set their own.
    base['HLP_REQUEST_TIMEOUT_MS'] = '60000';
    for (const key of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE']) {
      const value = process.env[key];
      if (value !== undefined) base[key] = value;
    }
  }
  return { ...base, ...overrides };
}
