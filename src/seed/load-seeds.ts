import type { Logger } from 'pino';
import type { GraphData } from '../model/records.js';
import { type LoadProgress, NO_PROGRESS } from '../store/load-progress.js';
import type { GraphStore, WriteSummary } from '../store/port.js';
import { readSeedFiles } from './read-seeds.js';
import { SeedValidationError } from './seed-validation-error.js';
import { streamSeeds } from './stream-seeds.js';
import { validateSeeds } from './validate-seeds.js';

export { SeedValidationError } from './seed-validation-error.js';

export interface CheckedSeeds {
  readonly graph: GraphData;
  readonly hash: string;
  readonly files: readonly string[];
}

/**
 * Reads and validates every seed file into memory and returns the graph they describe, nodes and
 * edges ordered by id; throws SeedValidationError listing all problems. Writes nothing. For seed
 * sets of a few thousand records (the HLP seeds, tests); loadSeeds streams instead.
 */
export function checkSeeds(dir: string): CheckedSeeds {
  const files = readSeedFiles(dir);
  const { graph, problems } = validateSeeds(files);
  if (problems.length > 0) throw new SeedValidationError(problems);
  return { graph, hash: files.hash, files: files.files };
}

export interface LoadResult extends WriteSummary {
  readonly hash: string;
  /** False when the store already held this exact graph and nothing was written. */
  readonly written: boolean;
}

/**
 * Validates the seeds file by file, then replaces the stored graph with them, all or nothing
 * (GraphStore.loadGraph): the seeds are streamed from disk to the store, never held in memory at
 * once. With `onlyIfChanged`, a store that already holds these seeds (same hash) is left alone.
 * Throws SeedValidationError (nothing written) when the seeds do not validate.
 */
export async function loadSeeds(
  store: GraphStore,
  dir: string,
  log: Logger,
  options: { onlyIfChanged?: boolean; progress?: LoadProgress } = {},
): Promise<LoadResult> {
  const progress = options.progress ?? NO_PROGRESS;
  const seeds = await streamSeeds(dir, progress);
  try {
    if (options.onlyIfChanged) {
      const version = await store.graphVersion();
      if (version?.seedHash === seeds.hash) {
        log.info({ seedHash: seeds.hash, loadedAt: version.loadedAt }, 'store already holds these seeds');
        return { nodes: seeds.nodeCount, edges: seeds.edgeCount, hash: seeds.hash, written: false };
      }
    }
    const started = performance.now();
    log.info(
      { nodes: seeds.nodeCount, edges: seeds.edgeCount, engine: store.engine },
      'replacing the stored graph, all or nothing',
    );
    const summary = await store.loadGraph(seeds.source, seeds.hash, progress);
    log.info(
      { ...summary, seedHash: seeds.hash, ms: Math.round(performance.now() - started), engine: store.engine },
      'seeds loaded',
    );
    return { ...summary, hash: seeds.hash, written: true };
  } finally {
    seeds.dispose();
  }
}
