import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExamples } from '../../src/graphiql/examples.js';
import type { GraphStore } from '../../src/store/port.js';
import { ENGINES } from '../helpers/env.js';
import { appFor, type TestApp } from '../helpers/graphql.js';
import { openRealStore } from '../helpers/store.js';

/**
 * Many clients at once on the HLP graph: every example operation (paths, co-funding, the network,
 * search, totals) from 20 clients together for 20 seconds, with the embedded store's default buffer
 * pool. Every answer is a 200 without errors; Kuzu's "buffer pool is full" under concurrent path
 * searches was the failure this guards against.
 */
const DURATION_MS = 20_000;
describe.each(ENGINES)('20 clients at once on %s', (engine) => {
  let store: GraphStore;
  let app: TestApp;

  beforeAll(async () => {
    // The default pool (256 MB), not the tests' small one: this is what a deployment runs with.
    store = await openRealStore(engine, { HLP_KUZU_BUFFER_POOL_MB: '256' });
    app = appFor(store, engine);
  });
  afterAll(async () => {
    await store?.close();
  });

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
          const response = await app.fetch('http://test/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/json' },
            body: JSON.stringify({
              query: example.query,
              variables: example.variables ? JSON.parse(example.variables) : {},
            }),
          });
          const body = (await response.json()) as { errors?: unknown[] };
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
