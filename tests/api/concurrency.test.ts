import { describe, expect, it } from 'vitest';
import { loadExamples } from '../../src/graphiql/examples.js';
import { ENGINES_UNDER_TEST } from '../support/env.js';
import { servedGraph } from '../support/harness.js';

/**
 * Many clients at once on the HLP graph: every example operation (paths, co-funding, the network,
 * search, totals) from 20 clients together for 20 seconds, with the embedded store's default buffer
 * pool. Every answer is a 200 without errors; Kuzu's "buffer pool is full" under concurrent path
 * searches was the failure this guards against.
 */
const DURATION_MS = 20_000;
describe.each(ENGINES_UNDER_TEST)('20 clients at once on %s', (engine) => {
  // The default pool (256 MB), not the tests' small one: this is what a deployment runs with.
  const api = servedGraph(engine, { seeds: 'real', config: { HLP_KUZU_BUFFER_POOL_MB: '256' } });

  it('answers every example operation from every client for 20 s, with no error', async () => {
    const examples = loadExamples();
    expect(examples.length).toBeGreaterThan(5);
    const failures: string[] = [];
    let answered = 0;
    const until = performance.now() + DURATION_MS;
    const client = async (n: number) => {
      // Whole rounds, so every client asks every example at least once however slow the machine.
      while (performance.now() < until) {
        for (let i = 0; i < examples.length; i++) {
          const example = examples[(i + n) % examples.length];
          if (!example) continue;
          const response = await api.post(
            example.query,
            example.variables ? JSON.parse(example.variables) : {},
          );
          const body = response.body as { errors?: unknown[] };
          if (response.status !== 200 || body.errors)
            failures.push(`${example.name}: ${response.status} ${JSON.stringify(body.errors).slice(0, 300)}`);
          answered++;
        }
      }
    };
    await Promise.all(Array.from({ length: 20 }, (_, n) => client(n)));
    expect(failures).toEqual([]);
    expect(answered).toBeGreaterThanOrEqual(20 * examples.length);
    expect(answered % examples.length).toBe(0);
  }, 300_000);
});
