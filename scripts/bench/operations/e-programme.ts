import { fundingPageFacts, type Line } from './funding-page.js';
import { arr, globalId, nodes, num, type Operation, obj, storeId, str } from './types.js';

const LIMIT = 100;

/**
 * Facts: the programme, the funders' lines (see fundingPageFacts; each key names the funder by id and
 * name), the outcomes and the parts (`id name`), each once: a programme reported in several periods
 * may be tied to one part by two relationships, and @neo4j/graphql lists the part once. Names are
 * facts: every system's answer names each node it lists.
 */
function facts(
  programme: string,
  funders: readonly Line[],
  total: number,
  outcomes: readonly string[],
  parts: readonly string[],
) {
  return {
    programme,
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
      const named = (n: Record<string, unknown>) => `${storeId(n['id'])} ${str(n['name'], 'name')}`;
      return facts(
        named(p),
        arr(funders['edges'], 'edges').map((e) => {
          const edge = obj(e, 'edge');
          return {
            key: `${storeId(obj(edge['relationship'], 'relationship')['id'])}>${named(obj(edge['node'], 'node'))}`,
            amount: obj(edge['amount'], 'amount')['value'],
          };
        }),
        num(funders['totalCount'], 'totalCount'),
        nodes(p['outcomes'], 'outcomes').map(named),
        nodes(p['parts'], 'parts').map(named),
      );
    },
  },
  raw: {
    cypher: {
      neo4j: `MATCH (p:Entity {id: $id})
OPTIONAL MATCH (p)<-[r:FUNDS]-(f:Organisation)
WITH p, collect(r.id) AS lines, collect(f.id) AS funders, collect(f.name) AS funderNames, collect(r.amount) AS amounts
OPTIONAL MATCH (p)-[:AIMS_AT]->(o:Outcome)
WITH p, lines, funders, funderNames, amounts, collect(o.id) AS outcomes, collect(o.name) AS outcomeNames
OPTIONAL MATCH (p)<-[:PART_OF]-(x)
RETURN p.id AS id, p.name AS name, lines, funders, funderNames, amounts, outcomes, outcomeNames, collect(x.id) AS parts, collect(x.name) AS partNames`,
      kuzu: `MATCH (p:Programme {id: $id})
OPTIONAL MATCH (p)<-[r:FUNDS]-(f:Organisation)
WITH p, collect(r.id) AS lines, collect(f.id) AS funders, collect(f.name) AS funderNames, collect(r.amount) AS amounts
OPTIONAL MATCH (p)-[:AIMS_AT]->(o:Outcome)
WITH p, lines, funders, funderNames, amounts, collect(o.id) AS outcomes, collect(o.name) AS outcomeNames
OPTIONAL MATCH (p)<-[:PART_OF]-(x)
RETURN p.id AS id, p.name AS name, lines, funders, funderNames, amounts, outcomes, outcomeNames, collect(x.id) AS parts, collect(x.name) AS partNames`,
    },
    params: (i) => ({ id: i.programme }),
    facts(rows) {
      const [row] = rows;
      if (!row) throw new Error('no programme');
      const lines = arr(row['lines'], 'lines');
      const funders = arr(row['funders'], 'funders');
      const funderNames = arr(row['funderNames'], 'funderNames');
      const amounts = arr(row['amounts'], 'amounts');
      /** `id name` of each node of a list, the ids in `ids` and their names in `names`. */
      const named = (ids: string, names: string) => {
        const all = arr(row[names], names);
        return arr(row[ids], ids).map((id, i) => `${str(id, ids)} ${str(all[i], names)}`);
      };
      // The service pages funders at LIMIT; the raw answer is cut the same way before comparing.
      const all = lines
        .map((l, i) => ({
          key: `${str(l, 'line')}>${str(funders[i], 'funder')} ${str(funderNames[i], 'funderName')}`,
          amount: amounts[i],
        }))
        .sort((x, y) => num(y.amount, 'amount') - num(x.amount, 'amount'))
        .slice(0, LIMIT);
      return facts(
        `${str(row['id'], 'id')} ${str(row['name'], 'name')}`,
        all,
        lines.length,
        named('outcomes', 'outcomeNames'),
        named('parts', 'partNames'),
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
      const named = (n: Record<string, unknown>) => `${str(n['id'], 'id')} ${str(n['name'], 'name')}`;
      return facts(
        named(programme),
        arr(connection['edges'], 'edges').map((e) => {
          const edge = obj(e, 'edge');
          const props = obj(edge['properties'], 'properties');
          return {
            key: `${str(props['id'], 'id')}>${named(obj(edge['node'], 'node'))}`,
            amount: props['amount'],
          };
        }),
        num(connection['totalCount'], 'totalCount'),
        arr(programme['outcomes'], 'outcomes').map((o) => named(obj(o, 'outcome'))),
        arr(programme['parts'], 'parts').map((o) => named(obj(o, 'part'))),
      );
    },
  },
};
