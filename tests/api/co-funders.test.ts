import { describe, expect, it } from 'vitest';
import { ENGINES_UNDER_TEST } from '../support/env.js';
import { servedGraph } from '../support/harness.js';

interface CoFunderRow {
  readonly organisation: { readonly id: string; readonly name?: string; readonly aliases?: string[] };
  readonly sharedCount: number;
  readonly myAmount?: { readonly value: number };
}

interface Funders {
  organisations: {
    edges: { node: { id: string; name: string; coFunders: CoFunderRow[] } }[];
  };
}

/**
 * The same co-funders, read as each selection asks: ids only (the ids texts), ids and names (the
 * core), with sums (the core and the sums) and with a property beyond the core (every property).
 */
const SELECTIONS = {
  ids: 'organisation { id } sharedCount',
  names: 'organisation { id name } sharedCount',
  sums: 'organisation { id name } sharedCount myAmount { value }',
  all: 'organisation { id name aliases } sharedCount',
} as const;

const listQuery = (selection: string) => `query($period: String) {
  organisations(first: 100, orderBy: { field: FUNDED_COUNT, direction: DESC }) {
    edges { node { id name coFunders(period: $period) { ${selection} } } }
  }
}`;

const nodeQuery = (selection: string) => `query($id: ID!, $period: String) {
  node(id: $id) { ... on Organisation { coFunders(period: $period) { ${selection} } } }
}`;

/** Each co-funder as its id and shared count, in the order served. */
const shape = (rows: readonly CoFunderRow[]) => rows.map((r) => `${r.organisation.id} ${r.sharedCount}`);

describe.each(ENGINES_UNDER_TEST)('co-funders read as the query selects on %s', (engine) => {
  const api = servedGraph(engine, { seeds: 'real' });

  it('gives the same co-funders in the same order however little is selected, for every period and for one, in a list and for one node', async () => {
    for (const period of [null, '2019/20']) {
      const answers = await Promise.all(
        Object.values(SELECTIONS).map((s) => api.gqlData<Funders>(listQuery(s), { period })),
      );
      const [ids, names, sums, all] = answers.map((a) => a.organisations.edges);
      if (!ids || !names || !sums || !all) throw new Error('an answer is missing');
      // The real graph has funders with co-funders, and ties in the shared count that the
      // co-funders' names order: an ids read that lost the name order would list them otherwise.
      const funders = names.filter((e) => e.node.coFunders.length > 1);
      expect(funders.length).toBeGreaterThan(period === null ? 5 : 0);
      const tied = funders.some(({ node }) =>
        node.coFunders.some((c, i) => i > 0 && node.coFunders[i - 1]?.sharedCount === c.sharedCount),
      );
      expect(tied).toBe(true);
      for (const [i, edge] of names.entries()) {
        const expected = shape(edge.node.coFunders);
        expect(shape(ids[i]?.node.coFunders ?? []), `${edge.node.name}, ${period}`).toEqual(expected);
        expect(shape(sums[i]?.node.coFunders ?? [])).toEqual(expected);
        expect(shape(all[i]?.node.coFunders ?? [])).toEqual(expected);
        // An ids read serves no name: the selection has none, and the answer carries none.
        for (const c of ids[i]?.node.coFunders ?? []) expect(Object.keys(c.organisation)).toEqual(['id']);
      }
      // One node's co-funders read through the texts of one organisation give the same answer.
      for (const { node } of funders.slice(0, 3)) {
        for (const selection of Object.values(SELECTIONS)) {
          const one = await api.gqlData<{ node: { coFunders: CoFunderRow[] } }>(nodeQuery(selection), {
            id: node.id,
            period,
          });
          expect(shape(one.node.coFunders), `${node.name}: ${selection}`).toEqual(shape(node.coFunders));
        }
      }
    }
  });
});
