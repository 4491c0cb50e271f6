import { describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/store/port.js';
import { serve, servedGraph } from '../support/harness.js';
import { aroundReads } from '../support/reader-hooks.js';

/**
 * A request stopped while it runs (reads past HLP_MAX_RESPONSE_BYTES, or past its deadline) is
 * refused as a whole: 400, one error with its code, no data; and it stops reading instead of
 * building the rest of its answer.
 */

// Two levels of pages with evidence: the HLP graph answers this with well over 20 kB.
const WIDE = `{ organisations(first: 100) { edges { node { name evidence { source section firstLine lastLine }
  relationships(first: 50) { edges { node { name } evidence { source section firstLine lastLine } } } } } } }`;

/** A store whose request readers wait `ms` before every read, so a request outlives a short deadline. */
function slowReaders(store: GraphStore, ms: number): GraphStore {
  return aroundReads(store, () => new Promise((resolve) => setTimeout(resolve, ms)));
}

describe('requests stopped while they run', () => {
  const api = servedGraph('kuzu', { seeds: 'real', config: { HLP_STORE_STATS: 'on' } });

  it('past HLP_MAX_RESPONSE_BYTES: 400 RESPONSE_TOO_LARGE, no data, and fewer reads than the whole answer', async () => {
    const whole = await api.post(WIDE);
    expect(whole.status).toBe(200);
    expect(whole.body.errors).toBeUndefined();
    expect(JSON.stringify(whole.body).length).toBeGreaterThan(40_000);

    const capped = api.with({ HLP_STORE_STATS: 'on', HLP_MAX_RESPONSE_BYTES: '20000' });
    const stopped = await capped.post(WIDE);
    expect(stopped.status).toBe(400);
    expect(stopped.body.data).toBeUndefined();
    expect(stopped.body.errors).toHaveLength(1);
    expect(stopped.body.errors?.[0]?.extensions?.['code']).toBe('RESPONSE_TOO_LARGE');
    expect(stopped.body.errors?.[0]?.message).toMatch(/too large/);
    expect(Number(stopped.statements)).toBeLessThan(Number(whole.statements));

    // A request under the bound is answered by the same app.
    const small = await capped.post('{ organisations(first: 3) { edges { node { name } } } }');
    expect(small.status).toBe(200);
    expect(small.body.errors).toBeUndefined();
  });

  it('past HLP_REQUEST_TIMEOUT_MS: 400 STORE_TIMEOUT, no data', async () => {
    const slow = serve(slowReaders(api.store, 150), 'kuzu', { HLP_REQUEST_TIMEOUT_MS: '100' });
    const late = await slow.post(
      '{ organisations(first: 5) { totalCount edges { node { name relationships(first: 2) { totalCount } } } } }',
    );
    expect(late.status).toBe(400);
    expect(late.body.data).toBeUndefined();
    expect(late.body.errors).toHaveLength(1);
    expect(late.body.errors?.[0]?.extensions?.['code']).toBe('STORE_TIMEOUT');
  });
});
