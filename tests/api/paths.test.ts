import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphData } from '../../src/model/records.js';
import { ENGINES_UNDER_TEST } from '../support/env.js';
import { servedGraph } from '../support/harness.js';

const id = (type: string, key: string) => Buffer.from(`${type}:${key}`).toString('base64');

/**
 * The buffer pool a deployment runs with (256 MB): Kuzu's path search takes over 64 MB a search,
 * and the tests' 128 MB fills after a few searches in a row.
 */
const POOL = { HLP_KUZU_BUFFER_POOL_MB: '256' };

/** The relationships a path walks (the schema's description): not figures' links, places or awarding. */
const WALKED = new Set([
  'FUNDS',
  'LEADS',
  'DELIVERS',
  'PARTNERS_WITH',
  'CHAIRS',
  'WORKS_FOR',
  'PART_OF',
  'CONTINUES_AS',
  'COMMENTED_ON',
  'WON',
  'AIMS_AT',
]);

/** Every simple route (distinct sequence of nodes) between two nodes within maxHops, by brute force. */
function everyRoute(graph: GraphData, from: string, to: string, maxHops: number): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of graph.edges) {
    if (!WALKED.has(e.kind)) continue;
    for (const [a, b] of [
      [e.from, e.to],
      [e.to, e.from],
    ] as const) {
      const set = next.get(a) ?? new Set<string>();
      set.add(b);
      next.set(a, set);
    }
  }
  const routes: string[][] = [];
  const walk = (route: string[]) => {
    const last = route[route.length - 1] as string;
    if (last === to) {
      routes.push([...route]);
      return;
    }
    if (route.length > maxHops) return;
    for (const n of next.get(last) ?? []) {
      if (route.includes(n)) continue;
      route.push(n);
      walk(route);
      route.pop();
    }
  };
  walk([from]);
  return routes.sort((a, b) => a.length - b.length);
}

interface PathAnswer {
  path: {
    length: number | null;
    shortestCount: number;
    paths: {
      length: number;
      nodes: { seedId: string }[];
      hops: {
        from: { seedId: string };
        to: { seedId: string };
        relationships: { from: { seedId: string }; to: { seedId: string } }[];
        evidence: { source: string }[];
      }[];
    }[];
  };
}

const PATH_QUERY = `query($from: ID!, $to: ID!, $first: Int!, $maxHops: Int!) {
  path(from: $from, to: $to, first: $first, maxHops: $maxHops) {
    length shortestCount
    paths { length nodes { ... on Entity { seedId } }
      hops { from { ... on Entity { seedId } } to { ... on Entity { seedId } }
        relationships { from { ... on Entity { seedId } } to { ... on Entity { seedId } } }
        evidence { source } } }
  }
}`;

/** What every answer must be, whatever the graph: routes in order of length, each distinct and simple, each hop real. */
function expectWellFormed(answer: PathAnswer['path'], from: string, to: string, first: number): string[][] {
  const routes = answer.paths.map((p) => p.nodes.map((n) => n.seedId));
  expect(routes.length).toBeLessThanOrEqual(first);
  expect(new Set(routes.map((r) => r.join('>'))).size).toBe(routes.length);
  const lengths = answer.paths.map((p) => p.length);
  expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
  expect(answer.length).toBe(lengths[0] ?? null);
  expect(answer.shortestCount).toBe(lengths.filter((l) => l === lengths[0]).length);
  for (const [i, path] of answer.paths.entries()) {
    const route = routes[i] as string[];
    expect(route[0]).toBe(from);
    expect(route[route.length - 1]).toBe(to);
    expect(new Set(route).size).toBe(route.length);
    expect(path.hops).toHaveLength(path.length);
    expect(route).toHaveLength(path.length + 1);
    for (const [h, hop] of path.hops.entries()) {
      expect([hop.from.seedId, hop.to.seedId]).toEqual([route[h], route[h + 1]]);
      expect(hop.relationships.length).toBeGreaterThan(0);
      for (const r of hop.relationships) {
        expect([r.from.seedId, r.to.seedId].sort()).toEqual([hop.from.seedId, hop.to.seedId].sort());
      }
      expect(hop.evidence.length).toBeGreaterThan(0);
    }
  }
  return routes;
}

describe.each(ENGINES_UNDER_TEST)(
  'alternative routes on the fixture graph, checked by brute force, on %s',
  (engine) => {
    const api = servedGraph(engine, { seeds: 'fixture', config: POOL });
    const { store } = api;
    let graph: GraphData;

    beforeAll(async () => {
      graph = await store.readGraph();
    });

    it('gives, for every pair of organisations, the shortest routes there are: all of them up to `first`, in order of length', async () => {
      const organisations = graph.nodes.filter((n) => n.kind === 'Organisation').map((n) => n.id);
      expect(organisations.length).toBeGreaterThan(3);
      let withAlternatives = 0;
      for (const [i, from] of organisations.entries()) {
        for (const to of organisations.slice(i + 1)) {
          const first = 6;
          const maxHops = 4;
          const { path } = await api.gqlData<PathAnswer>(PATH_QUERY, {
            from: id('Organisation', from),
            to: id('Organisation', to),
            first,
            maxHops,
          });
          const routes = expectWellFormed(path, from, to, first);
          const all = everyRoute(graph, from, to, maxHops);
          const known = new Set(all.map((r) => r.join('>')));
          for (const route of routes) expect(known.has(route.join('>')), `${route.join(' > ')}`).toBe(true);
          // As many routes as there are, up to `first`, and as short as the shortest that many can be.
          expect({ from, to, lengths: routes.map((r) => r.length - 1) }).toEqual({
            from,
            to,
            lengths: all.slice(0, first).map((r) => r.length - 1),
          });
          if (path.shortestCount < routes.length) withAlternatives++;
        }
      }
      // The check would mean little if no pair needed an alternative.
      expect(withAlternatives).toBeGreaterThan(0);
    });

    it('the store port avoids the nodes and steps it is told to: the shortest paths of the graph without them, longer or none', async () => {
      const walked = new Set(graph.edges.filter((e) => WALKED.has(e.kind)).flatMap((e) => [e.from, e.to]));
      const ids = graph.nodes.map((n) => n.id).filter((n) => walked.has(n));
      const outcomes = { same: 0, longer: 0, none: 0 };
      for (const [i, from] of ids.entries()) {
        for (const to of ids.slice(i + 1)) {
          const all = everyRoute(graph, from, to, 6);
          const first = all[0];
          if (!first || first.length < 3) continue;
          const stepOf = (r: string[], a: string, b: string) =>
            r.some((n, k) => (n === a && r[k + 1] === b) || (n === b && r[k + 1] === a));
          const cases = [
            {
              avoid: first.slice(1, -1),
              avoidSteps: [],
              keep: (r: string[]) => !r.some((n) => first.includes(n) && n !== from && n !== to),
            },
            {
              avoid: [],
              avoidSteps: [[first[0], first[1]] as [string, string]],
              keep: (r: string[]) => !stepOf(r, first[0] as string, first[1] as string),
            },
          ];
          for (const { avoid, avoidSteps, keep } of cases) {
            const expected = all.filter(keep);
            const shortest = expected[0]?.length;
            const found = await store.shortestPaths({ from, to, maxHops: 6, limit: 20, avoid, avoidSteps });
            expect({ from, to, avoid, avoidSteps, routes: found.map((p) => p.nodeIds).sort() }).toEqual({
              from,
              to,
              avoid,
              avoidSteps,
              routes: expected.filter((r) => r.length === shortest).sort(),
            });
            for (const p of found) expect(p.edgeIds).toHaveLength(p.nodeIds.length - 1);
            if (shortest === undefined) outcomes.none++;
            else if (shortest > first.length) outcomes.longer++;
            else outcomes.same++;
          }
        }
      }
      // Avoiding lengthens some routes and leaves none for others: the check sees both.
      expect(outcomes.longer).toBeGreaterThan(0);
      expect(outcomes.none).toBeGreaterThan(0);
    });
  },
);

describe.each(ENGINES_UNDER_TEST)('alternative routes on the HLP graph on %s', (engine) => {
  const api = servedGraph(engine, { seeds: 'real', config: POOL });

  const lfb = 'org.london-fire-brigade';
  const gla = 'org.greater-london-authority';

  it('the London Fire Brigade and the GLA: every shortest route, then alternatives one hop longer, each with evidence', async () => {
    const ask = (first: number) =>
      api.gqlData<PathAnswer>(PATH_QUERY, {
        from: id('Organisation', lfb),
        to: id('Organisation', gla),
        first,
        maxHops: 4,
      });
    const { path } = await ask(12);
    const routes = expectWellFormed(path, lfb, gla, 12);
    expect(path.length).toBe(3);
    expect(path.shortestCount).toBeGreaterThan(1);
    expect(path.shortestCount).toBeLessThan(12);
    expect(routes).toHaveLength(12);
    expect(path.paths.slice(path.shortestCount).every((p) => p.length === 4)).toBe(true);
    // Asking for fewer gives the first of them: the answer does not depend on `first`.
    const fewer = (await ask(path.shortestCount + 2)).path.paths.map((p) => p.nodes.map((n) => n.seedId));
    expect(fewer).toEqual(routes.slice(0, path.shortestCount + 2));
  });

  it('a pair with no route within maxHops has none, and the limits are refused with a code', async () => {
    const far = await api.gqlData<PathAnswer>(PATH_QUERY, {
      from: id('Organisation', lfb),
      to: id('Organisation', gla),
      first: 5,
      maxHops: 2,
    });
    expect(far.path).toMatchObject({ length: null, shortestCount: 0, paths: [] });
    const refused = await api.gql(PATH_QUERY, {
      from: id('Organisation', lfb),
      to: id('Organisation', gla),
      first: 21,
      maxHops: 4,
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
