import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphSource } from '../store/graph-source.js';
import { type LoadProgress, NO_PROGRESS } from '../store/load-progress.js';
import { listSeedFiles, locate, parseSeedFile, recordLine, SeedHasher, seedFileName } from './read-seeds.js';
import { RecordSpool } from './record-spool.js';
import { releaseMemory } from './release-memory.js';
import { toEdgeRecord, toNodeRecord } from './seed-records.js';
import type { SeedEdge, SeedNode } from './seed-schema.js';
import { SeedValidationError } from './seed-validation-error.js';
import { type SeedFacts, type SeedRecordSink, SeedValidator } from './seed-validator.js';

/** What validating a seed directory found, when it is valid. */
export interface SeedSummary {
  /** Hash of every seed file's name and content, and of the graph model. */
  readonly hash: string;
  /** Every seed file read, by the name messages give it. */
  readonly files: readonly string[];
  readonly nodeCount: number;
  readonly edgeCount: number;
}

/** A valid seed directory, ready to load: its summary and its graph, streamed from a spool on disk. */
export interface StreamedSeeds extends SeedSummary {
  readonly source: GraphSource;
  /** Removes the spool; the source cannot be read afterwards. */
  dispose(): void;
}

/** Records handed to the store at a time. */
const BATCH = 2000;

/** The phase name validation reports progress under. */
export const VALIDATING = 'reading and validating seeds';

/**
 * Reads and checks every seed file under `dir` one file at a time, handing each parsed record to
 * `sink`. Memory holds one file and what checks across records need (see SeedValidator), so a seed
 * set of a million relationships is checked in a few hundred megabytes. Throws SeedValidationError
 * with every problem (file, line, record, field) when the seeds are not valid.
 */
async function validateDir(
  dir: string,
  sink: SeedRecordSink | undefined,
  progress: LoadProgress,
): Promise<{ summary: SeedSummary; facts: SeedFacts }> {
  const listed = listSeedFiles(dir);
  const validator = new SeedValidator(sink);
  validator.addProblems(listed.problems);
  const hash = new SeedHasher();
  const files: string[] = [];
  progress.phase(VALIDATING, { unit: 'records' });
  for (const path of listed.paths) {
    const file = seedFileName(dir, path);
    files.push(file);
    const text = readFileSync(path, 'utf8');
    hash.add(file, text);
    const parsed = parseSeedFile(file, text);
    // The file's text is not kept: a problem found after it is gone reads the file again for its line.
    validator.addFile(parsed, () => {
      const positions = locate(readFileSync(path, 'utf8'));
      return (list, index, field) => recordLine(positions, list, index, field);
    });
    progress.advance(parsed.records.length);
    releaseMemory();
    // Give the event loop a turn between files: a server's signals and timers are not held up.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const { problems, facts } = validator.finish();
  progress.end();
  if (problems.length > 0) throw new SeedValidationError(problems);
  return {
    summary: {
      hash: hash.digest(),
      files,
      nodeCount: facts.nodeCount,
      edgeCount: facts.edgeCount,
    },
    facts,
  };
}

/**
 * Validates the seeds under `dir` file by file without keeping them. Throws SeedValidationError
 * listing every problem; writes nothing.
 */
export async function validateSeedDir(
  dir: string,
  progress: LoadProgress = NO_PROGRESS,
): Promise<SeedSummary> {
  return (await validateDir(dir, undefined, progress)).summary;
}

/** Records written to a store between full collections (see releaseMemory). */
const RECORDS_PER_COLLECTION = 50_000;

/**
 * Collects once `read` records have passed since the last collection; returns the count to carry.
 * The batches a load writes are promoted before they die, as validated files are.
 */
function collectEvery(read: number): number {
  if (read < RECORDS_PER_COLLECTION) return read;
  releaseMemory();
  return 0;
}

/**
 * Validates the seeds under `dir` file by file and spools the checked records to a private
 * temporary directory, so that a load can stream them to the store afterwards: nodes first, then
 * relationships, each turned into its stored form only as it is read back (records -> stored rows
 * -> the store's writer, never the whole graph in memory). Throws SeedValidationError listing every
 * problem, having removed the spool. The caller must dispose() the result.
 */
export async function streamSeeds(dir: string, progress: LoadProgress = NO_PROGRESS): Promise<StreamedSeeds> {
  const spoolDir = mkdtempSync(join(tmpdir(), 'hlp-seed-spool-'));
  const nodes = new RecordSpool<SeedNode>(join(spoolDir, 'nodes.jsonl'));
  const edges = new RecordSpool<[string, SeedEdge]>(join(spoolDir, 'edges.jsonl'));
  const remove = () => {
    nodes.close();
    edges.close();
    rmSync(spoolDir, { recursive: true, force: true });
  };
  try {
    const { summary, facts } = await validateDir(
      dir,
      { node: (record) => nodes.append(record), edge: (record, id) => edges.append([id, record]) },
      progress,
    );
    nodes.close();
    edges.close();
    const source: GraphSource = {
      nodeCount: summary.nodeCount,
      edgeCount: summary.edgeCount,
      kindOf: (id) => facts.kindOf(id),
      async *nodes() {
        let read = 0;
        for await (const batch of nodes.batches(BATCH)) {
          yield batch.map((r) => toNodeRecord(r, facts));
          read = collectEvery(read + batch.length);
        }
      },
      async *edges() {
        let read = 0;
        for await (const batch of edges.batches(BATCH)) {
          yield batch.map(([id, record]) => toEdgeRecord(record, id, facts));
          read = collectEvery(read + batch.length);
        }
      },
    };
    return { ...summary, source, dispose: remove };
  } catch (error) {
    remove();
    throw error;
  }
}
