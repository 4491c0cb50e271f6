import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { checkSeeds } from '../../src/seed/load-seeds.js';
import { openStore } from '../../src/store/open-store.js';
import type { GraphStore } from '../../src/store/port.js';
import { type Engine, FIXTURE_SEEDS, REAL_SEEDS, testEnv } from './env.js';

export const silentLog = createLogger('silent');

/** A store of the given engine with nothing loaded (Kuzu in a fresh temp dir; Neo4j cleared). */
export async function openEmptyStore(
  engine: Engine,
  overrides: Record<string, string> = {},
): Promise<GraphStore> {
  const config = loadConfig(testEnv(engine, overrides));
  const store = await openStore(config, silentLog);
  if (engine === 'neo4j') await store.replaceGraph({ nodes: [], edges: [] }, 'empty');
  return store;
}

/** A store holding the fixture graph. */
export async function openFixtureStore(
  engine: Engine,
  seedsDir = FIXTURE_SEEDS,
  overrides: Record<string, string> = {},
): Promise<GraphStore> {
  const store = await openEmptyStore(engine, overrides);
  const seeds = checkSeeds(seedsDir);
  await store.replaceGraph(seeds.graph, seeds.hash);
  return store;
}

/** A store holding the real HLP graph from seeds/ (`overrides`: settings of the store, e.g. its memory). */
export async function openRealStore(
  engine: Engine,
  overrides: Record<string, string> = {},
): Promise<GraphStore> {
  return openFixtureStore(engine, REAL_SEEDS, overrides);
}

/** What a test store holds: the real graph, the fixture graph, nothing, or the seeds of a directory. */
export type Seeds = 'real' | 'fixture' | 'empty' | string;

/** A store of the given engine holding `seeds` (`overrides`: settings of the store, e.g. its memory). */
export function openGraph(
  engine: Engine,
  seeds: Seeds = 'fixture',
  overrides: Record<string, string> = {},
): Promise<GraphStore> {
  if (seeds === 'empty') return openEmptyStore(engine, overrides);
  if (seeds === 'real') return openRealStore(engine, overrides);
  return openFixtureStore(engine, seeds === 'fixture' ? FIXTURE_SEEDS : seeds, overrides);
}
