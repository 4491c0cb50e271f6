import {
  arr,
  NAME_ORDER_NOTE,
  nameKey,
  nodes,
  num,
  type Operation,
  obj,
  SORT_PROPERTY,
  storeId,
  str,
} from './types.js';

const PAGE = 20;

const facts = (total: number, ids: readonly string[]) => ({ total, page: [...ids] });

/** (d) The first page of programmes by name, with how many there are. */
export const listPage: Operation = {
  id: 'd',
  title: 'a list page with totalCount (programmes by name)',
  ours: {
    query: `query D {
  programmes(first: ${PAGE}, orderBy: { field: NAME }) { totalCount edges { node { id name period } } }
}`,
    variables: () => ({}),
    facts(data) {
      const connection = obj(data, 'data')['programmes'];
      return facts(
        num(obj(connection, 'programmes')['totalCount'], 'totalCount'),
        nodes(connection, 'programmes').map((n) => storeId(n['id'])),
      );
    },
  },
  raw: {
    cypher: {
      neo4j: `MATCH (p:Programme)
WITH count(p) AS total
MATCH (p:Programme)
WITH total, p ORDER BY ${nameKey('p')}, p.id LIMIT ${PAGE}
RETURN total, p.id AS id, p.name AS name, p.period AS period`,
      kuzu: `MATCH (p:Programme)
WITH count(p) AS total
MATCH (p:Programme)
WITH total, p ORDER BY ${nameKey('p')}, p.id LIMIT ${PAGE}
RETURN total, p.id AS id, p.name AS name, p.period AS period`,
    },
    params: () => ({}),
    facts: (rows) =>
      facts(
        rows.length === 0 ? 0 : num(rows[0]?.['total'], 'total'),
        rows.map((r) => str(r['id'], 'id')),
      ),
  },
  neo4jGraphql: {
    query: `query D {
  programmesConnection(first: ${PAGE}, sort: [{ ${SORT_PROPERTY ?? 'name'}: ASC }, { id: ASC }]) {
    totalCount
    edges { node { id name period } }
  }
}`,
    variables: () => ({}),
    facts(data) {
      const connection = obj(obj(data, 'data')['programmesConnection'], 'programmesConnection');
      return facts(
        num(connection['totalCount'], 'totalCount'),
        arr(connection['edges'], 'edges').map((e) => str(obj(obj(e, 'edge')['node'], 'node')['id'], 'id')),
      );
    },
  },
  ...(NAME_ORDER_NOTE ? { known: { keys: ['page'], reason: NAME_ORDER_NOTE } } : {}),
};
