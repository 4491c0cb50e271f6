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
const LIMIT = 100;

interface Funded {
  readonly org: string;
  /** One entry per funding line: what it funds, and that node's outcomes. */
  readonly lines: readonly { readonly target: string; readonly outcomes: readonly string[] }[];
  /** Lines the organisation has (more than the page when it is a hub). */
  readonly total: number;
}

/**
 * Facts: the page's organisations in order, and per organisation what its lines fund and the
 * outcomes of those (sets). Sets, not multisets: @neo4j/graphql 7.6.3 lists a node funded by two
 * lines once, in the plain field and in its connection alike (measured at 100k relationships), and
 * the lines themselves are (a)'s subject. An organisation with more lines than one page holds is
 * compared by its count alone.
 */
function facts(page: readonly Funded[]) {
  const detail: Record<string, string> = {};
  for (const { org, lines, total } of page) {
    if (total > LIMIT) {
      detail[org] = `${total} lines`;
      continue;
    }
    const targets = [...new Set(lines.map((l) => l.target))].sort();
    const outcomes = [...new Set(lines.flatMap((l) => l.outcomes.map((o) => `${l.target}>${o}`)))].sort();
    detail[org] = `funds ${targets.join(' ')}; outcomes ${outcomes.join(' ')}`;
  }
  return { orgs: page.map((p) => p.org), detail };
}

const outcomesOf = 'outcomes(first: $limit) { edges { node { id } } }';

/** (b) 20 organisations by name, what they fund, and the outcomes those programmes and projects aim at. */
export const organisationsDeep: Operation = {
  id: 'b',
  title: '20 organisations by name, what they fund, those programmes’ outcomes',
  ours: {
    // Page sizes travel as variables: graphql-armor's cost estimate multiplies by a literal `first`
    // at every level (20 × 100 × 100 here: cost 44M against a limit of 200k) and refuses the query.
    query: `query B($page: Int!, $limit: Int!) {
  organisations(first: $page, orderBy: { field: NAME }) {
    edges {
      node {
        id
        name
        funded(first: $limit) {
          totalCount
          edges { node { id ... on Programme { ${outcomesOf} } ... on Project { ${outcomesOf} } } }
        }
      }
    }
  }
}`,
    variables: () => ({ page: PAGE, limit: LIMIT }),
    facts: (data) =>
      facts(
        nodes(obj(data, 'data')['organisations'], 'organisations').map((o) => {
          const funded = obj(o['funded'], 'funded');
          return {
            org: storeId(o['id']),
            total: num(funded['totalCount'], 'totalCount'),
            lines: nodes(funded, 'funded').map((t) => ({
              target: storeId(t['id']),
              outcomes: t['outcomes'] ? nodes(t['outcomes'], 'outcomes').map((x) => storeId(x['id'])) : [],
            })),
          };
        }),
      ),
  },
  raw: {
    cypher: {
      neo4j: `MATCH (o:Organisation)
WITH o ORDER BY ${nameKey('o')}, o.id LIMIT ${PAGE}
OPTIONAL MATCH (o)-[r:FUNDS]->(t)
OPTIONAL MATCH (t)-[:AIMS_AT]->(x:Outcome)
RETURN o.id AS org, ${nameKey('o')} AS sortName, r.id AS line, t.id AS target, collect(x.id) AS outcomes
ORDER BY sortName, org`,
      kuzu: `MATCH (o:Organisation)
WITH o ORDER BY ${nameKey('o')}, o.id LIMIT ${PAGE}
OPTIONAL MATCH (o)-[r:FUNDS]->(t)
OPTIONAL MATCH (t)-[:AIMS_AT]->(x:Outcome)
RETURN o.id AS org, ${nameKey('o')} AS sortName, r.id AS line, t.id AS target, collect(x.id) AS outcomes
ORDER BY sortName, org`,
    },
    params: () => ({}),
    facts(rows) {
      const byOrg = new Map<string, { target: string; outcomes: string[] }[]>();
      for (const r of rows) {
        const org = str(r['org'], 'org');
        const lines = byOrg.get(org) ?? [];
        if (r['line'] !== null)
          lines.push({
            target: str(r['target'], 'target'),
            // Kuzu collects no rows into null, Neo4j into [].
            outcomes:
              r['outcomes'] === null ? [] : arr(r['outcomes'], 'outcomes').map((x) => str(x, 'outcome')),
          });
        byOrg.set(org, lines);
      }
      return facts([...byOrg].map(([org, lines]) => ({ org, lines, total: lines.length })));
    },
  },
  neo4jGraphql: {
    query: `query B {
  organisations(limit: ${PAGE}, sort: [{ ${SORT_PROPERTY ?? 'name'}: ASC }, { id: ASC }]) {
    id
    fundedConnection {
      edges {
        node {
          ... on Programme { id outcomes { id } }
          ... on Project { id outcomes { id } }
          ... on Organisation { id }
        }
      }
    }
  }
}`,
    variables: () => ({}),
    facts: (data) =>
      facts(
        arr(obj(data, 'data')['organisations'], 'organisations').map((o) => {
          const org = obj(o, 'organisation');
          const edges = arr(obj(org['fundedConnection'], 'fundedConnection')['edges'], 'edges');
          const lines = edges.map((e) => {
            const target = obj(obj(e, 'edge')['node'], 'funded');
            return {
              target: str(target['id'], 'id'),
              outcomes: target['outcomes']
                ? arr(target['outcomes'], 'outcomes').map((x) => str(obj(x, 'outcome')['id'], 'id'))
                : [],
            };
          });
          return { org: str(org['id'], 'id'), lines, total: lines.length };
        }),
      ),
  },
  ...(NAME_ORDER_NOTE ? { known: { keys: ['orgs', 'detail.keys'], reason: NAME_ORDER_NOTE } } : {}),
};
