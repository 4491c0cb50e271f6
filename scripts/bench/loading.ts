/**
 * Loads a dataset into an engine once with `hlp-graph load`, as a user would, measuring wall time and
 * the loader's peak RSS; later runs reuse the loaded store while the dataset's key matches (the
 * figures of the original load are reported again, marked cached).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from './datasets.js';
import type { Engine } from './options.js';
import { memoryOf, run } from './proc.js';

export interface LoadRecord {
  readonly key: string;
  readonly engine: Engine;
  readonly ms: number;
  /** Peak resident set of the loader process, MiB. */
  readonly peakRssMiB: number;
  readonly at: string;
  /** The loader's last line (what it loaded). */
  readonly summary: string;
  /** True when this run reused a store loaded by an earlier run. */
  readonly cached: boolean;
}

/** Where a dataset's Kuzu store lives; the raw Cypher server gets its own copy (one writer per directory). */
export function kuzuDirs(dataset: Dataset): { service: string; raw: string } {
  return { service: join(dataset.cacheDir, 'kuzu', 'data'), raw: join(dataset.cacheDir, 'kuzu', 'raw') };
}

export function neo4jDataDir(dataset: Dataset): string {
  return join(dataset.cacheDir, 'neo4j', 'data');
}

/** Environment shared by the loader and the service for one dataset and engine. */
export function storeEnv(dataset: Dataset, engine: Engine, neo4jUri: string | null): Record<string, string> {
  const env: Record<string, string> = {
    HLP_STORE: engine,
    HLP_SEEDS_DIR: dataset.seedsDir,
    HLP_DATA_DIR: kuzuDirs(dataset).service,
    // Generous limits: the bench measures how long things take, a timeout would hide it.
    HLP_WRITE_TIMEOUT_MS: '3600000',
    HLP_QUERY_TIMEOUT_MS: '600000',
    // Virtual address space only: a 1M graph needs more than the 4 GB default allows.
    HLP_KUZU_MAX_DB_SIZE_MB: '65536',
    LOG_LEVEL: 'warn',
  };
  if (neo4jUri) env['NEO4J_URI'] = neo4jUri;
  if (process.env['BENCH_KUZU_BUFFER_POOL_MB'])
    env['HLP_KUZU_BUFFER_POOL_MB'] = process.env['BENCH_KUZU_BUFFER_POOL_MB'];
  return env;
}

/** A load is stopped after this long (BENCH_LOAD_TIMEOUT_MIN, default 30): the targets are 5 and 10 min. */
const LOAD_TIMEOUT_MS = Number(process.env['BENCH_LOAD_TIMEOUT_MIN'] ?? 30) * 60_000;

/** Runs the loader under /usr/bin/time -v when there is one (exact peak RSS), else polls /proc. */
async function timedLoad(
  env: Record<string, string>,
): Promise<{ ms: number; peakRssMiB: number; output: string }> {
  if (existsSync('/usr/bin/time')) {
    const result = await run(
      '/usr/bin/time',
      ['-v', 'node', 'bin/hlp-graph.js', 'load'],
      env,
      LOAD_TIMEOUT_MS,
    );
    if (result.code !== 0)
      throw new Error(
        `bench: hlp-graph load failed after ${(result.ms / 1000).toFixed(0)} s:\n${result.output.slice(-3000)}`,
      );
    const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(result.output)?.[1] ?? Number.NaN);
    return { ms: result.ms, peakRssMiB: kb / 1024, output: result.output };
  }
  const { spawn } = await import('node:child_process');
  const started = performance.now();
  const child = spawn('node', ['bin/hlp-graph.js', 'load'], { env: { ...process.env, ...env } });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-65536)));
  child.stderr.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-65536)));
  let peak = 0;
  const timer = setInterval(() => {
    const m = child.pid === undefined ? null : memoryOf(child.pid);
    if (m) peak = Math.max(peak, m.peakMiB);
  }, 100);
  const code = await new Promise<number>((resolve) => child.once('exit', (c) => resolve(c ?? 1)));
  clearInterval(timer);
  if (code !== 0) throw new Error(`bench: hlp-graph load failed:\n${output}`);
  return { ms: performance.now() - started, peakRssMiB: peak, output };
}

/**
 * Makes sure `engine` holds `dataset`: reuses an earlier load when its marker carries the dataset's
 * key, loads otherwise. On Neo4j the server on `neo4jUri` must already run on neo4jDataDir(dataset).
 */
export async function ensureLoaded(
  dataset: Dataset,
  engine: Engine,
  neo4jUri: string | null,
): Promise<LoadRecord> {
  const engineDir = join(dataset.cacheDir, engine);
  const markerFile = join(engineDir, 'loaded.json');
  if (existsSync(markerFile)) {
    const marker = JSON.parse(readFileSync(markerFile, 'utf8')) as LoadRecord;
    const complete = engine === 'neo4j' || existsSync(kuzuDirs(dataset).raw);
    if (marker.key === dataset.key && complete) return { ...marker, cached: true };
  }
  rmSync(markerFile, { force: true });
  if (engine === 'kuzu') rmSync(join(engineDir), { recursive: true, force: true });
  mkdirSync(engineDir, { recursive: true });
  console.log(`[${dataset.size.name}] loading into ${engine} with hlp-graph load`);
  const load = await timedLoad(storeEnv(dataset, engine, neo4jUri));
  const summary = load.output.split('\n').find((line) => line.startsWith('loaded ')) ?? '';
  console.log(
    `[${dataset.size.name}] ${summary || 'loaded'} in ${(load.ms / 1000).toFixed(1)} s, loader peak RSS ${load.peakRssMiB.toFixed(0)} MiB`,
  );
  if (engine === 'kuzu') {
    // The raw Cypher server reads its own copy: Kuzu lets one process at a time open a directory.
    cpSync(kuzuDirs(dataset).service, kuzuDirs(dataset).raw, { recursive: true });
  }
  const record: LoadRecord = {
    key: dataset.key,
    engine,
    ms: load.ms,
    peakRssMiB: load.peakRssMiB,
    at: new Date().toISOString(),
    summary,
    cached: false,
  };
  writeFileSync(markerFile, JSON.stringify(record, null, 2));
  return record;
}
