/**
 * What one `npm run bench` run measures, from flags and BENCH_* variables (flags win). The defaults
 * keep the seed + 100k run within about 15 minutes on a 2-core machine; `--large` adds 10k (the
 * baseline of the "cost follows the answer" target) and ~1M.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../../src/config.js';

import { ENGINE_NAMES, type Engine } from '../../src/store/engine.js';

export type { Engine };
export const SYSTEMS = ['ours', 'raw', 'neo4j-graphql'] as const;
export type SystemName = (typeof SYSTEMS)[number];

export interface Size {
  /** As written in flags and reports: seed, 10k, 100k, 1m, or any N with k or m. */
  readonly name: string;
  /** Relationships of the synthetic graph; null for the curated seeds. */
  readonly relationships: number | null;
}

export interface BenchOptions {
  readonly sizes: readonly Size[];
  readonly engines: readonly Engine[];
  readonly systems: readonly SystemName[];
  /** Operation ids (a..i) to run. */
  readonly ops: readonly string[];
  /** Timed requests per (system, operation) with one client, after `warmup` untimed rounds. */
  readonly reps: number;
  readonly warmup: number;
  /** Seconds of autocannon per (system, operation); 0 skips the throughput pass. */
  readonly duration: number;
  readonly connections: number;
  /** Seconds a first (cold) request may take before the operation is skipped for that system. */
  readonly coldTimeout: number;
  /**
   * Milliseconds above which a pair's first request marks it slow: it gets at most 3 timed rounds
   * after 1 warm-up (1 round and no warm-up past a minute) and no throughput pass (10 connections on a request of minutes would leave the
   * server busy long after autocannon stops, and disturb every pair after it).
   */
  readonly slowMs: number;
  readonly seed: number;
  readonly cacheDir: string;
  readonly outDir: string;
  /** Recompute the facts and fail on a mismatch, but time nothing. */
  readonly checkOnly: boolean;
}

const HELP = `npm run bench -- [options]     (every option also as a BENCH_* variable)

  --large                 sizes seed,10k,100k,1m (default: seed,100k)
  --sizes LIST            e.g. seed,10k,100k,1m                       BENCH_SIZES
  --engines LIST          kuzu,neo4j                                  BENCH_ENGINES
  --systems LIST          ours,raw,neo4j-graphql                      BENCH_SYSTEMS
  --ops LIST              a,b,c,d,e,f,g,h,i                            BENCH_OPS
  --reps N                timed requests per system and operation (30)  BENCH_REPS
  --warmup N              untimed rounds first (5)                    BENCH_WARMUP
  --duration S            autocannon seconds per system and operation, 0 to skip (4)  BENCH_DURATION
  --connections N         autocannon connections (10)                 BENCH_CONNECTIONS
  --cold-timeout S        a first request slower than this skips the operation (300)  BENCH_COLD_TIMEOUT
  --slow-ms N             a pair whose first request took longer gets 3 rounds, no throughput pass (5000)  BENCH_SLOW_MS
  --seed N                generator seed (1)                          BENCH_SEED
  --cache DIR             generated and loaded graphs (.bench-cache)  BENCH_CACHE
  --out DIR               results (bench/results)                     BENCH_OUT
  --check                 compare every system's answers, time nothing`;

/** Parses `10k`, `100k`, `1m`, `seed`. */
export function parseSize(text: string): Size {
  const name = text.trim().toLowerCase();
  if (name === 'seed') return { name, relationships: null };
  const match = /^(\d+(?:\.\d+)?)([km]?)$/.exec(name);
  if (!match) throw new Error(`bench: a size is seed or a count like 10k, 100k, 1m; got "${text}"`);
  const factor = match[2] === 'm' ? 1_000_000 : match[2] === 'k' ? 1000 : 1;
  return { name, relationships: Math.round(Number(match[1]) * factor) };
}

function list<T extends string>(text: string, allowed: readonly T[], what: string): T[] {
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const item of items) {
    if (!(allowed as readonly string[]).includes(item))
      throw new Error(`bench: ${what} must be among ${allowed.join(', ')}; got "${item}"`);
  }
  return items as T[];
}

function whole(text: string, what: string, min: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`bench: ${what} must be a whole number ≥ ${min}; got "${text}"`);
  return value;
}

/** Reads flags and BENCH_* variables; prints help and exits on --help. */
export function readOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      help: { type: 'boolean', short: 'h' },
      large: { type: 'boolean' },
      check: { type: 'boolean' },
      sizes: { type: 'string' },
      engines: { type: 'string' },
      systems: { type: 'string' },
      ops: { type: 'string' },
      reps: { type: 'string' },
      warmup: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      'cold-timeout': { type: 'string' },
      'slow-ms': { type: 'string' },
      seed: { type: 'string' },
      cache: { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const pick = (flag: string | undefined, variable: string, fallback: string) =>
    flag ?? (env[variable] || fallback);
  const sizes = pick(values.sizes, 'BENCH_SIZES', values.large ? 'seed,10k,100k,1m' : 'seed,100k')
    .split(',')
    .map(parseSize);
  return {
    sizes,
    engines: list(pick(values.engines, 'BENCH_ENGINES', ENGINE_NAMES.join(',')), ENGINE_NAMES, 'engines'),
    systems: list(pick(values.systems, 'BENCH_SYSTEMS', SYSTEMS.join(',')), SYSTEMS, 'systems'),
    ops: pick(values.ops, 'BENCH_OPS', 'a,b,c,d,e,f,g,h,i')
      .split(',')
      .map((s) => s.trim()),
    reps: whole(pick(values.reps, 'BENCH_REPS', '30'), 'reps', 1),
    warmup: whole(pick(values.warmup, 'BENCH_WARMUP', '5'), 'warmup', 0),
    duration: whole(pick(values.duration, 'BENCH_DURATION', '4'), 'duration', 0),
    connections: whole(pick(values.connections, 'BENCH_CONNECTIONS', '10'), 'connections', 1),
    coldTimeout: whole(pick(values['cold-timeout'], 'BENCH_COLD_TIMEOUT', '300'), 'cold-timeout', 1),
    slowMs: whole(pick(values['slow-ms'], 'BENCH_SLOW_MS', '5000'), 'slow-ms', 1),
    seed: whole(pick(values.seed, 'BENCH_SEED', '1'), 'seed', 0),
    cacheDir: resolve(PROJECT_ROOT, pick(values.cache, 'BENCH_CACHE', '.bench-cache')),
    outDir: resolve(PROJECT_ROOT, pick(values.out, 'BENCH_OUT', 'bench/results')),
    checkOnly: values.check === true,
  };
}
