/**
 * The two timings: latency with one client, every (system, operation) pair taking turns round-robin
 * so that noise lands on all of them alike; and requests/s at N connections with autocannon in its own
 * process, one pair at a time (a load test shares nothing).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';
import { type HttpRequest, send } from './systems.js';

export interface Timed {
  readonly key: string;
  readonly request: HttpRequest;
  /** Rounds this pair takes part in: untimed first, then timed (fewer for slow pairs). */
  readonly warmup: number;
  readonly reps: number;
}

/** Filled in as the rounds go (hence mutable). */
export interface LatencySample {
  readonly ms: number[];
  statements: number | null;
  transactions: number | null;
  sent: number | null;
  bytes: number;
  errors: number;
  /** The first error's message, to say why a pair failed. */
  firstError: string | null;
}

export interface Percentiles {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly mean: number;
  readonly n: number;
}

/** Nearest-rank percentiles. */
export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
  const mean = sorted.reduce((s, v) => s + v, 0) / (sorted.length || 1);
  return { p50: at(50), p95: at(95), p99: at(99), mean, n: sorted.length };
}

/**
 * Rounds of every pair in turn: each pair's own `warmup` untimed rounds, then its `reps` timed ones
 * (a slow pair drops out early). A request that fails is counted as an error, not timed.
 */
export async function interleaved(
  items: readonly Timed[],
  timeoutMs: number,
  progress: (round: number) => void,
): Promise<Map<string, LatencySample>> {
  const samples = new Map<string, LatencySample>(
    items.map((i) => [
      i.key,
      { ms: [], statements: null, transactions: null, sent: null, bytes: 0, errors: 0, firstError: null },
    ]),
  );
  const rounds = Math.max(0, ...items.map((i) => i.warmup + i.reps));
  for (let round = 0; round < rounds; round++) {
    for (const item of items) {
      if (round >= item.warmup + item.reps) continue;
      // Every key was put in the map above.
      const sample = samples.get(item.key) as LatencySample;
      try {
        const answer = await send(item.request, timeoutMs);
        const json = answer.json as { errors?: unknown; error?: unknown };
        const errors = json.errors ?? json.error;
        if (answer.status !== 200 || errors) {
          sample.errors++;
          sample.firstError ??= `${answer.status} ${JSON.stringify(errors).slice(0, 300)}`;
          continue;
        }
        if (round < item.warmup) continue;
        sample.ms.push(answer.ms);
        sample.statements = answer.statements;
        sample.transactions = answer.transactions;
        sample.sent = answer.sent;
        sample.bytes = answer.bytes;
      } catch (error) {
        sample.errors++;
        sample.firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
    progress(round + 1);
  }
  return samples;
}

export interface Throughput {
  readonly requestsPerSecond: number;
  readonly latencyP50: number;
  readonly latencyP99: number;
  readonly requests: number;
  readonly errors: number;
  readonly non2xx: number;
}

/** Runs autocannon in its own process against one request; resolves with its summary. */
export function autocannon(request: HttpRequest, connections: number, seconds: number): Promise<Throughput> {
  const args = [
    join(PROJECT_ROOT, 'node_modules/autocannon/autocannon.js'),
    '-c',
    String(connections),
    '-d',
    String(seconds),
    '-t',
    '60',
    '-m',
    'POST',
    '-H',
    'content-type=application/json',
    '-b',
    request.body,
    '-n',
    '-j',
    request.url,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('node', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${err}`));
      try {
        const r = JSON.parse(out) as {
          requests: { average: number; total: number };
          latency: { p50: number; p99: number };
          errors: number;
          timeouts: number;
          non2xx: number;
        };
        resolve({
          requestsPerSecond: r.requests.average,
          latencyP50: r.latency.p50,
          latencyP99: r.latency.p99,
          requests: r.requests.total,
          errors: r.errors + r.timeouts,
          non2xx: r.non2xx,
        });
      } catch (error) {
        reject(new Error(`autocannon printed no JSON: ${String(error)}\n${out.slice(0, 500)}${err}`));
      }
    });
  });
}
