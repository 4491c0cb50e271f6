import { arr, globalId, num, type Operation, obj, storeId, str } from './types.js';

/** Facts: each co-funder with how many things both fund. */
const facts = (pairs: readonly (readonly [string, number])[]) => ({
  coFunders: pairs.map(([id, shared]) => `${id} ${shared}`).sort(),
});

/** (c) The organisations that fund what one organisation funds, with how many things they share. */
export const coFunders: Operation = {
  id: 'c',
  title: 'co-funders of one organisation',
  ours: {
    query: `query C($id: ID!) {
  node(id: $id) { ... on Organisation { coFunders { organisation { id } sharedCount } } }
}`,
    variables: (i) => ({ id: globalId('Organisation', i.coFunder) }),
    facts: (data) =>
      facts(
        arr(obj(obj(data, 'data')['node'], 'node')['coFunders'], 'coFunders').map((c) => {
          const row = obj(c, 'coFunder');
          return [
            storeId(obj(row['organisation'], 'organisation')['id']),
            num(row['sharedCount'], 'sharedCount'),
          ];
        }),
      ),
  },
  raw: {
    cypher: {
      neo4j: `MATCH (a:Entity {id: $id})-[:FUNDS]->(w)<-[:FUNDS]-(b:Organisation)
WHERE b.id <> a.id
RETURN b.id AS coFunder, count(DISTINCT w) AS shared
ORDER BY shared DESC, coFunder`,
      kuzu: `MATCH (a:Organisation {id: $id})-[:FUNDS]->(w)<-[:FUNDS]-(b:Organisation)
WHERE b.id <> a.id
RETURN b.id AS coFunder, count(DISTINCT w.id) AS shared
ORDER BY shared DESC, coFunder`,
    },
    params: (i) => ({ id: i.coFunder }),
    facts: (rows) => facts(rows.map((r) => [str(r['coFunder'], 'coFunder'), num(r['shared'], 'shared')])),
  },
  neo4jGraphql: {
    // @neo4j/graphql has no grouping: it returns what the organisation funds and each one's funders,
    // and the client counts (the answer is the same facts; the work is split differently).
    query: `query C($id: ID!) {
  organisations(where: { id: { eq: $id } }) {
    id
    funded {
      ... on Programme { id funders { id } }
      ... on Project { id funders { id } }
      ... on Organisation { id funders: fundedBy { id } }
    }
  }
}`,
    variables: (i) => ({ id: i.coFunder }),
    facts(data) {
      const [org] = arr(obj(data, 'data')['organisations'], 'organisations');
      const self = str(obj(org, 'organisation')['id'], 'id');
      const shared = new Map<string, Set<string>>();
      for (const w of arr(obj(org, 'organisation')['funded'], 'funded')) {
        const work = obj(w, 'funded');
        for (const f of arr(work['funders'], 'funders')) {
          const funder = str(obj(f, 'funder')['id'], 'id');
          if (funder === self) continue;
          shared.set(funder, (shared.get(funder) ?? new Set()).add(str(work['id'], 'id')));
        }
      }
      return facts([...shared].map(([id, set]) => [id, set.size] as const));
    },
  },
};
