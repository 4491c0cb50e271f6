import { fundingPageFacts } from './funding-page.js';
import { arr, globalId, num, type Operation, obj, storeId, str } from './types.js';

const LIMIT = 100;

/** (a) One organisation's funding lines, largest first, and what each funds. */
export const fundingLines: Operation = {
  id: 'a',
  title: "one organisation's funding lines and what each funds",
  ours: {
    query: `query A($id: ID!) {
  node(id: $id) {
    ... on Organisation {
      funded(first: ${LIMIT}) {
        totalCount
        edges { amount { value } period fundingKind relationship { id } node { id name } }
      }
    }
  }
}`,
    variables: (i) => ({ id: globalId('Organisation', i.funder) }),
    facts(data) {
      const funded = obj(obj(obj(data, 'data')['node'], 'node')['funded'], 'funded');
      const edges = arr(funded['edges'], 'edges').map((e) => obj(e, 'edge'));
      return fundingPageFacts(
        edges.map((e) => ({
          key: `${storeId(obj(e['relationship'], 'relationship')['id'])}>${storeId(obj(e['node'], 'node')['id'])}`,
          amount: e['amount'] === null ? null : obj(e['amount'], 'amount')['value'],
        })),
        num(funded['totalCount'], 'totalCount'),
        LIMIT,
      );
    },
  },
  raw: {
    cypher: {
      neo4j: `MATCH (o:Entity {id: $id})-[r:FUNDS]->()
WITH o, count(r) AS total
MATCH (o)-[r:FUNDS]->(t)
RETURN total, r.id AS line, r.amount AS amount, r.period AS period, r.fundingKind AS fundingKind, t.id AS target, t.name AS name
ORDER BY amount DESC, line LIMIT ${LIMIT}`,
      kuzu: `MATCH (o:Organisation {id: $id})-[r:FUNDS]->()
WITH o, count(r) AS total
MATCH (o)-[r:FUNDS]->(t)
RETURN total, r.id AS line, r.amount AS amount, r.period AS period, r.fundingKind AS fundingKind, t.id AS target, t.name AS name
ORDER BY amount DESC, line LIMIT ${LIMIT}`,
    },
    params: (i) => ({ id: i.funder }),
    facts: (rows) =>
      fundingPageFacts(
        rows.map((r) => ({
          key: `${str(r['line'], 'line')}>${str(r['target'], 'target')}`,
          amount: r['amount'],
        })),
        rows.length === 0 ? 0 : num(rows[0]?.['total'], 'total'),
        LIMIT,
      ),
  },
  neo4jGraphql: {
    query: `query A($id: ID!) {
  organisations(where: { id: { eq: $id } }) {
    fundedConnection(first: ${LIMIT}, sort: [{ edge: { amount: DESC } }]) {
      totalCount
      edges {
        properties { id amount period fundingKind }
        node { ... on Programme { id name } ... on Project { id name } ... on Organisation { id name } }
      }
    }
  }
}`,
    variables: (i) => ({ id: i.funder }),
    facts(data) {
      const [org] = arr(obj(data, 'data')['organisations'], 'organisations');
      const connection = obj(obj(org, 'organisation')['fundedConnection'], 'fundedConnection');
      const edges = arr(connection['edges'], 'edges').map((e) => obj(e, 'edge'));
      return fundingPageFacts(
        edges.map((e) => {
          const p = obj(e['properties'], 'properties');
          return {
            key: `${str(p['id'], 'id')}>${str(obj(e['node'], 'node')['id'], 'node.id')}`,
            amount: p['amount'],
          };
        }),
        num(connection['totalCount'], 'totalCount'),
        LIMIT,
      );
    },
  },
};
