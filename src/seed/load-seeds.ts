import type { Logger } from 'pino';
import type { GraphData } from '../model/records.js';
import type { GraphStore, WriteSummary } from '../store/port.js';
import { formatProblem, readSeedFiles, type SeedProblem } from './read-seeds.js';
import { validateSeeds } from './validate-seeds.js';

/** The seeds did not validate: nothing was written. Carries every problem, one message each. */
export class SeedValidationError extends Error {
  readonly code = 'SEED_INVALID';
  readonly problems: readonly SeedProblem[];
  constructor(problems: readonly SeedProblem[]) {
    const lines = problems.map(formatProblem);
    super(`the seeds have ${problems.length} problem(s); nothing was written:\n  ${lines.join('\n  ')}`);
    this.name = 'SeedValidationError';
    this.problems = problems;
  }
}

export interface CheckedSeeds {
  readonly graph: GraphData;
  readonly hash: string;
  readonly files: readonly string[];
}

/** Reads and validates every seed file; throws SeedValidationError listing all problems. Writes nothing. */
export function checkSeeds(dir: string): CheckedSeeds {
  const files = readSeedFiles(dir);
  const { graph, problems } = validateSeeds(files);
  if (problems.length > 0) {
    const sorted = [...problems].sort(
      (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0),
    );
    throw new SeedValidationError(sorted);
  }
  return { graph, hash: files.hash, files: files.files };
}

export interface LoadResult extends WriteSummary {
  readonly hash: string;
  /** False when the store already held this exact graph and nothing was written. */
  readonly written: boolean;
}

/**
 * Validates the seeds, then replaces the stored graph with them in one transaction. With
 * `onlyIfChanged`, a store that already holds these seeds (same hash) is left alone.
 */
export async function loadSeeds(
  store: GraphStore,
  dir: string,
  log: Logger,
  options: { onlyIfChanged?: boolean } = {},
): Promise<LoadResult> {
  const seeds = checkSeeds(dir);
  if (options.onlyIfChanged) {
    const version = await store.graphVersion();
    if (version?.seedHash === seeds.hash) {
      log.info({ seedHash: seeds.hash, loadedAt: version.loadedAt }, 'store already holds these seeds');
      return {
        nodes: seeds.graph.nodes.length,
        edges: seeds.graph.edges.length,
        hash: seeds.hash,
        written: false,
      };
    }
  }
  const started = performance.now();
  log.info(
    { nodes: seeds.graph.nodes.length, edges: seeds.graph.edges.length, engine: store.engine },
    'replacing the stored graph in one transaction',
  );
  const summary = await store.replaceGraph(seeds.graph, seeds.hash);
  log.info(
    { ...summary, seedHash: seeds.hash, ms: Math.round(performance.now() - started), engine: store.engine },
    'seeds loaded',
  );
  return { ...summary, hash: seeds.hash, written: true };
}
