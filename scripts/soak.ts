/**
 * `npm run bench:soak`: issue 12's load target. `hlp-graph serve` on the HLP seed graph (a child
 * process, loaded into a fresh store), then 20 clients for 60 s, each asking mixed reads in turn
 * over HTTP (every example operation, network projections with and without edges, list pages,
 * search). Reports errors (any non-200 or any GraphQL error), latency percentiles over all requests,
 * requests/s, and the server's RSS after warm-up, at its peak and at the end. Target: 0 errors,
 * p99 under 1 s, RSS growth under 20 %. Writes bench/results/soak.md.
 *
 *   npm run bench:soak -- [--engine kuzu|neo4j] [--clients 20] [--seconds 60]
 *
 * On neo4j it needs NEO4J_URI (and user, password, database) of a running server, which it reloads.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../src/config.js';
import { loadExamples } from '../src/graphiql/examples.js';
import { freePort } from '../tests/support/ports.js';
import { percentiles } from './bench/measure.js';
import { loadAverage, memoryOf, startChild, waitForHttp } from './bench/proc.js';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'kuzu' },
    clients: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '60' },
  },
});
const engine = values.engine === 'neo4j' ? 'neo4j' : 'kuzu';
const clients = Number(values.clients);
const seconds = Number(values.seconds);

interface Operation {
  readonly name: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

/** The mix: every example, plus reads the examples do not cover (an empty projection among them). */
const operations: Operation[] = [
  ...loadExamples().map((e) => ({
    name: e.name,
    query: e.query,
    variables: e.variables ? (JSON.parse(e.variables) as Record<string, unknown>) : {},
  })),
  {
    name: 'list-pages',
    query:
      '{ organisations(first: 50, orderBy: { field: NAME, direction: DESC }) { totalCount edges { node { name relationships(first: 10) { totalCount edges { node { name } } } } } } }',
    variables: {},
  },
  {
    name: 'network-empty-period',
    query:
      '{ network(weight: FUNDING, period: "2016/17") { summary { nodes edges communities } nodes(first: 5) { edges { node { node { name } pagerank } } } } }',
    variables: {},
  },
  {
    name: 'search',
    query: '{ search(text: "london", first: 10) { matched score node { name } } }',
    variables: {},
  },
];

async function ask(url: string, op: Operation): Promise<{ ms: number; error: string | null }> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: op.query, variables: op.variables }),
    });
    const body = (await response.json()) as { errors?: { message: string }[] };
    const ms = performance.now() - started;
    if (response.status !== 200 || body.errors)
      return {
        ms,
        error: `${op.name}: ${response.status} ${JSON.stringify(body.errors ?? '').slice(0, 200)}`,
      };
    return { ms, error: null };
  } catch (error) {
    return { ms: performance.now() - started, error: `${op.name}: ${String(error)}` };
  }
}

const port = await freePort();
const server = startChild(`service (${engine})`, 'node', ['bin/hlp-graph.js', 'serve'], {
  HLP_STORE: engine,
  HLP_DATA_DIR: mkdtempSync(join(tmpdir(), 'hlp-soak-')),
  HLP_LOAD_ON_START: 'always',
  PORT: String(port),
  LOG_LEVEL: 'warn',
});
try {
  await waitForHttp(`http://127.0.0.1:${port}/ready`, server, 300_000);
  const url = `http://127.0.0.1:${port}/graphql`;
  // Every operation once and checked before timing: a failing operation is a broken mix, not load.
  for (const op of operations) {
    const first = await ask(url, op);
    if (first.error) throw new Error(`soak: ${first.error}`);
  }
  // Warm-up: a few seconds of the same load, so code and caches are in before memory is measured.
  const byOperation = new Map<string, number[]>();
  const run = async (forMs: number, latencies: number[], errors: string[], keep = false) => {
    const until = performance.now() + forMs;
    await Promise.all(
      Array.from({ length: clients }, async (_, n) => {
        for (let i = n; performance.now() < until; i++) {
          const op = operations[i % operations.length];
          if (!op) continue;
          const { ms, error } = await ask(url, op);
          latencies.push(ms);
          if (keep) byOperation.set(op.name, [...(byOperation.get(op.name) ?? []), ms]);
          if (error) errors.push(error);
        }
      }),
    );
  };
  await run(5_000, [], []);
  const warm = memoryOf(server.pid);
  const loadBefore = loadAverage();
  const latencies: number[] = [];
  const errors: string[] = [];
  let peak = warm?.rssMiB ?? 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, memoryOf(server.pid)?.rssMiB ?? 0);
  }, 1000);
  const started = performance.now();
  await run(seconds * 1000, latencies, errors, true);
  const elapsed = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const end = memoryOf(server.pid);
  const p = percentiles(latencies);
  const growth = warm && end ? (end.rssMiB - warm.rssMiB) / warm.rssMiB : Number.NaN;
  const pass = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const lines = [
    `# Soak: ${clients} clients × ${seconds} s of mixed reads on the seed graph (${engine})`,
    '',
    `Run ${new Date().toISOString()}, ${operations.length} operations in turn (${operations.map((o) => o.name).join(', ')}).`,
    `Load average before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${loadAverage()
      .map((l) => l.toFixed(2))
      .join(' ')}.`,
    '',
    '| measure | value | target |',
    '|---|---:|---|',
    `| requests | ${latencies.length} (${(latencies.length / elapsed).toFixed(1)}/s) | |`,
    `| errors | ${errors.length} | 0: ${pass(errors.length === 0)} |`,
    `| p50 / p95 / p99 ms | ${p.p50.toFixed(1)} / ${p.p95.toFixed(1)} / ${p.p99.toFixed(1)} | p99 < 1000: ${pass(p.p99 < 1000)} |`,
    `| RSS after warm-up / peak / end MiB | ${warm?.rssMiB.toFixed(0)} / ${peak.toFixed(0)} / ${end?.rssMiB.toFixed(0)} | |`,
    `| RSS growth | ${(growth * 100).toFixed(1)} % | < 20 %: ${pass(growth < 0.2)} |`,
    '',
    '| operation | n | p50 ms | p99 ms |',
    '|---|---:|---:|---:|',
    ...[...byOperation].map(([name, ms]) => {
      const q = percentiles(ms);
      return `| ${name} | ${q.n} | ${q.p50.toFixed(1)} | ${q.p99.toFixed(1)} |`;
    }),
    '',
    ...(errors.length > 0 ? ['First errors:', '', ...errors.slice(0, 10).map((e) => `- ${e}`), ''] : []),
  ];
  const out = join(PROJECT_ROOT, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `soak-${engine}.md`), `${lines.join('\n')}\n`);
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await server.stop();
}
