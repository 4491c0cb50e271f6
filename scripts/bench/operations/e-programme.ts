import { fundingPageFacts, type Line } from './funding-page.js';
import { arr, globalId, nodes, num, type Operation, obj, storeId, str } from './types.js';

const LIMIT = 100;

/**
 * Facts: the funders' lines (see fundingPageFacts), the outcomes and the parts, each once: a programme
 * reported in several periods may be tied to one part by two relationships, and @neo4j/graphql lists
 * the part once.
 */
function facts(
  funders: readonly Line[],
  total: number,
  outcomes: readonly string[],
  parts: readonly string[],
) {
  return {
    ...fundingPageFacts(funders, total, LIMIT),
    outcomes: [...new Set(outcomes)].sort(),
    parts: [...new Set(parts)].sort(),
  };
}

/** (e) One programme with its funders (largest first), outcomes and parts. */
export const programme: Operation = {
  id: 'e',
  title: 'one programme with its funders, outcomes and parts',
  ours: {
    query: `query E($id: ID!) {
  node(id: $id) {
    ... on Programme {
      id
      name
      funders(first: ${LIMIT}) { totalCount edges { amount { value } relationship { id } node { id name } } }
      outcomes(first: ${LIMIT}) { totalCount edges { node { id name } } }
      parts(first: ${LIMIT}) { totalCount edges { node { id name } } }
    }
  }
}`,
    variables: (i) => ({ id: globalId('Programme', i.programme) }),
    facts(data) {
      const p = obj(obj(data, 'data')['node'], 'node');
      const funders = obj(p['funders'], 'funders');
      return facts(
        arr(funders['edges'], 'edges').map((e) => {
          const edge = obj(e, 'edge');
          return {
            key: `${storeId(obj(edge['relationship'], 'relationship')['id'])}>${storeId(obj(edge['node'], 'node')['id'])}`,
            amount: obj(edge['amount'], 'amount')['value'],
          };
        }),
        num(funders['totalCount'], 'totalCount'),
        nodes(p['outcomes'], 'outcomes').map((n) => storeId(n['id'])),
        nodes(p['parts'], 'parts').map((n) => storeId(n['id'])),
      );
    },
  },
  raw: {
    cypher: {
      neo4j: `MATCH (p:Entity {id: $id})
OPTIONAL MATCH (p)<-[r:FUNDS]-(f:Organisation)
WITH p, collect(r.id) AS lines, collect(f.id) AS funders, collect(r.amount) AS amounts
OPTIONAL MATCH (p)-[:AIMS_AT]->(o:Outcome)
WITH p, lines, funders, amounts, collect(o.id) AS outcomes
OPTIONAL MATCH (p)<-[:PART_OF]-(x)
RETURN p.id AS id, p.name AS name, lines, funders, amounts, outcomes, collect(x.id) AS parts`,
      kuzu: `MATCH (p:Programme {id: $id})
OPTIONAL MATCH (p)<-[r:FUNDS]-(f:Organisation)
WITH p, collect(r.id) AS lines, collect(f.id) AS funders, collect(r.amount) AS amounts
OPTIONAL MATCH (p)-[:AIMS_AT]->(o:Outcome)
WITH p, lines, funders, amounts, collect(o.id) AS outcomes
OPTIONAL MATCH (p)<-[:PART_OF]-(x)
RETURN p.id AS id, p.name AS name, lines, funders, amounts, outcomes, collect(x.id) AS parts`,
    },
    params: (i) => ({ id: i.programme }),
    facts(rows) {
      const [row] = rows;
      if (!row) throw new Error('no programme');
      const lines = arr(row['lines'], 'lines');
      const funders = arr(row['funders'], 'funders');
      const amounts = arr(row['amounts'], 'amounts');
      // The service pages funders at LIMIT; the raw answer is cut the same way before comparing.
      const all = lines
        .map((l, i) => ({ key: `${str(l, 'line')}>${str(funders[i], 'funder')}`, amount: amounts[i] }))
        .sort((x, y) => num(y.amount, 'amount') - num(x.amount, 'amount'))
        .slice(0, LIMIT);
      return facts(
        all,
        lines.length,
        arr(row['outcomes'], 'outcomes').map((o) => str(o, 'outcome')),
        arr(row['parts'], 'parts').map((o) => str(o, 'part')),
      );
    },
  },
  neo4jGraphql: {
    query: `query E($id: ID!) {
  programmes(where: { id: { eq: $id } }) {
    id
    name
    fundersConnection(first: ${LIMIT}, sort: [{ edge: { amount: DESC } }]) {
      totalCount
      edges { properties { id amount } node { id name } }
    }
    outcomes { id name }
    parts { ... on Programme { id name } ... on Project { id name } }
  }
}`,
    variables: (i) => ({ id: i.programme }),
    facts(data) {
      const [p] = arr(obj(data, 'data')['programmes'], 'programmes');
      const programme = obj(p, 'programme');
      const connection = obj(programme['fundersConnection'], 'fundersConnection');
      return facts(
        arr(connection['edges'], 'edges').map((e) => {
          const edge = obj(e, 'edge');
          const props = obj(edge['properties'], 'properties');
          return {
            key: `${str(props['id'], 'id')}>${str(obj(edge['node'], 'node')['id'], 'id')}`,
            amount: props['amount'],
          };
        }),
        num(connection['totalCount'], 'totalCount'),
        arr(programme['outcomes'], 'outcomes').map((o) => str(obj(o, 'outcome')['id'], 'id')),
        arr(programme['parts'], 'parts').map((o) => str(obj(o, 'part')['id'], 'id')),
      );
    },
  },
};
