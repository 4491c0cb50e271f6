import { describe, expect, it } from 'vitest';
import { servedGraph } from '../support/harness.js';

/**
 * The read-cost limit (src/limits/read-cost.ts): what a request may read is counted from its page
 * sizes, literal or given as variables, multiplied down the nesting, and a request over the limit
 * is refused before any resolver runs, with HTTP 400 and READ_COST_EXCEEDED.
 */

/** `levels` nested relationship lists under a page of organisations, every page size `$n`. */
function nested(levels: number): string {
  let inner = 'name';
  for (let i = 0; i < levels; i++) inner = `name relationships(first: $n) { edges { node { ${inner} } } }`;
  return `query($n: Int) { organisations(first: $n) { edges { node { ${inner} } } } }`;
}

describe('the read-cost limit on the HLP graph', () => {
  const api = servedGraph('kuzu', { seeds: 'real', config: { HLP_STORE_STATS: 'on' } });

  it('answers three levels of first: 100, given as a variable', async () => {
    const result = await api.post(nested(2), { n: 100 });
    expect(result.body.errors).toBeUndefined();
    expect(result.status).toBe(200);
    expect(Number(result.statements)).toBeGreaterThan(0);
  });

  it('refuses four and five levels of first: 100 given as a variable, before reading anything', async () => {
    for (const levels of [3, 4]) {
      const result = await api.post(nested(levels), { n: 100 });
      expect(result.status).toBe(400);
      expect(result.body.data ?? null).toBeNull();
      const error = result.body.errors?.[0];
      expect(error?.extensions?.['code']).toBe('READ_COST_EXCEEDED');
      expect(error?.extensions?.['limit']).toBe(2_000_000);
      expect(error?.message).toMatch(/may read [\d,]+ items, over the limit of 2,000,000/);
      expect(result.statements).toBe('0');
    }
  });

  it('counts literals, defaults and fragments like variables', async () => {
    const literal = nested(3).replace('query($n: Int)', 'query').replaceAll('$n', '100');
    expect((await api.post(literal, {})).body.errors?.[0]?.extensions?.['code']).toBe('READ_COST_EXCEEDED');
    // With no first: the default page (20) at every level: 20 + 20² + 20³ + 20⁴ = 168,420 items.
    const defaults = nested(3).replace('query($n: Int)', 'query').replaceAll('(first: $n)', '');
    const answered = await api.post(defaults, {});
    expect(answered.body.errors).toBeUndefined();
    const spread = `query($n: Int) { organisations(first: $n) { edges { node { ...deep } } } }
      fragment deep on Organisation { relationships(first: $n) { edges { node { ... on Organisation {
        relationships(first: $n) { edges { node { ... on Organisation { relationships(first: $n) { totalCount } } } } } } } } } }`;
    expect((await api.post(spread, { n: 100 })).body.errors?.[0]?.extensions?.['code']).toBe(
      'READ_COST_EXCEEDED',
    );
    expect((await api.post(spread, { n: 10 })).body.errors).toBeUndefined();
  });

  it('follows HLP_MAX_READ_COST', async () => {
    const strict = api.with({ HLP_MAX_READ_COST: '50' });
    expect((await strict.post(nested(0), { n: 50 })).status).toBe(200);
    const refused = await strict.post(nested(0), { n: 51 });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.extensions?.['cost']).toBe(51);
  });
});
