import { describe, expect, it } from 'vitest';
import { loadExamples } from '../../src/graphiql/examples.js';
import { ENGINES_UNDER_TEST } from '../support/env.js';
import { servedGraph } from '../support/harness.js';

const examples = loadExamples();

/** Every top-level field answered, and every list on the way down to the first leaf non-empty. */
function emptyPaths(value: unknown, path = 'data'): string[] {
  if (value === null || value === undefined) return [path];
  if (Array.isArray(value)) return value.length === 0 ? [path] : emptyPaths(value[0], `${path}[0]`);
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      // Nullable leaves (a qualifier, a period) may be null; objects and lists may not be empty.
      v === null &&
      ![
        'qualifier',
        'period',
        'role',
        'year',
        'category',
        'eigenvector',
        'amount',
        'jointGroup',
        'lineRole',
      ].includes(k)
        ? [`${path}.${k}`]
        : v === null
          ? []
          : emptyPaths(v, `${path}.${k}`),
    );
  }
  return [];
}

describe('GraphiQL example operations', () => {
  const api = servedGraph('kuzu', { seeds: 'real' });

  it('there are examples for each question the API is for', () => {
    expect(examples.map((e) => e.name)).toEqual([
      '01-partner-funding',
      '02-co-funded-outcomes',
      '03-path-between-partners',
      '04-search-by-alias',
      '05-conflicting-figures',
      '06-funding-totals-by-funder',
      '07-central-partners',
      '08-graph-stats',
      '09-funding-by-period',
      '10-places',
    ]);
    for (const e of examples) expect(e.query).toMatch(/^# .+\n(#.*\n)*query [A-Z]\w+/);
  });

  it('GraphiQL opens with them as tabs', async () => {
    const page = await (await api.fetch('/graphql', { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('query PartnerFunding');
    expect(page).toContain('query CentralPartners');
  });
});

describe.each(ENGINES_UNDER_TEST)('every example operation on the real graph on %s', (engine) => {
  const api = servedGraph(engine, { seeds: 'real' });

  it.each(examples.map((e) => [e.name, e] as const))('%s runs and returns data', async (_name, example) => {
    const result = await api.gql(example.query, example.variables ? JSON.parse(example.variables) : {});
    expect(result.errors).toBeUndefined();
    expect(emptyPaths(result.data)).toEqual([]);
  });
});
