/**
 * `npm run bench`: the speed and memory targets, measured in one run on this machine (never in
 * tests: these machines are shared and noisy). Reports medians and ratios measured side by side.
 *
 *   seeds: validate and load into the embedded store (target: loading under a second)
 *   API: every GraphiQL example operation, median of repeated runs
 *   network: first analysis of a projection vs the cached answer
 *   memory: resident set size after loading and querying
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { loadExamples } from '../src/graphiql/examples.js';
import { createLogger } from '../src/logger.js';
import { checkSeeds, loadSeeds } from '../src/seed/load-seeds.js';
import { openStore } from '../src/store/open-store.js';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 15);
const log = createLogger('silent');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function time<T>(work: () => Promise<T> | T): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}

const engine = (process.env['HLP_STORE'] ?? 'kuzu') as 'kuzu' | 'neo4j';
const config = loadConfig({
  ...process.env,
  HLP_DATA_DIR: mkdtempSync(join(tmpdir(), 'hlp-bench-')),
  LOG_LEVEL: 'silent',
});
console.log(`HLP Graph bench on ${engine}, ${RUNS} runs per query, node ${process.version}\n`);

const validations: number[] = [];
for (let i = 0; i < 5; i++) validations.push((await time(() => checkSeeds(config.seedsDir)))[0]);
const seeds = checkSeeds(config.seedsDir);
const store = await openStore(config, log);
const loads: number[] = [];
for (let i = 0; i < 5; i++) {
  // loadSeeds validates and writes, as `hlp-graph load` does.
  loads.push((await time(() => loadSeeds(store, config.seedsDir, log)))[0]);
}
console.log('seeds');
console.log(
  `  graph: ${seeds.graph.nodes.length} nodes, ${seeds.graph.edges.length} relationships in ${seeds.files.length} files`,
);
console.log(`  validate (median of 5): ${median(validations).toFixed(0)} ms`);
console.log(`  load = validate + write in one transaction (median of 5): ${median(loads).toFixed(0)} ms`);
console.log(`  load / 1 s target: ${(median(loads) / 1000).toFixed(2)}\n`);

const app = createApp({ store, config, log });
console.log('API (GraphiQL examples, median over runs, one request at a time)');
for (const example of loadExamples()) {
  const body = JSON.stringify({
    query: example.query,
    variables: example.variables ? JSON.parse(example.variables) : {},
  });
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const [ms, response] = await time(() =>
      app.fetch('http://bench/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      }),
    );
    const json = (await response.json()) as { errors?: unknown };
    if (json.errors) throw new Error(`${example.name} failed: ${JSON.stringify(json.errors)}`);
    times.push(ms);
  }
  console.log(
    `  ${example.name.padEnd(32)} ${median(times).toFixed(1).padStart(7)} ms  (first ${times[0]?.toFixed(1)} ms)`,
  );
}

console.log('\nnetwork (two-mode, count, 2019/20): computed once per graph version, then cached');
const network =
  '{ network(projection: TWO_MODE, weight: COUNT, period: "2019/20") { summary { nodes edges } } }';
const [cold] = await time(() =>
  app.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: network }),
  }),
);
const warm: number[] = [];
for (let i = 0; i < RUNS; i++) {
  warm.push(
    (
      await time(() =>
        app.fetch('http://bench/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: network }),
        }),
      )
    )[0],
  );
}
console.log(
  `  first request ${cold.toFixed(1)} ms, cached (median) ${median(warm).toFixed(1)} ms, ratio ${(cold / median(warm)).toFixed(1)}x`,
);

const memory = process.memoryUsage();
console.log(
  `\nmemory: rss ${(memory.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB`,
);
await store.close();
