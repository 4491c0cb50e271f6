import { arr, globalId, num, type Operation, obj, storeId, str } from './types.js';

const facts = (rows: readonly (readonly [string, number])[]) => ({
  outcomes: rows.map(([id, funders]) => `${id} ${funders}`).sort(),
});

/** Funding reaches an outcome when what it funds aims at it, or a project of the funded programme does. */
const reach = {
  neo4j: (f: string, w: string, c: string, o: string) =>
    `(${f})-[:FUNDS]->(${w})<-[:PART_OF*0..1]-(${c})-[:AIMS_AT]->(${o}:Outcome)
WHERE ${c} = ${w} OR (${w}:Programme AND ${c}:Project)`,
  kuzu: (f: string, w: string, c: string, o: string) =>
    `(${f})-[:FUNDS]->(${w})<-[:PART_OF*0..1]-(${c})-[:AIMS_AT]->(${o}:Outcome)
WHERE id(${c}) = id(${w}) OR (label(${w}) = 'Programme' AND label(${c}) = 'Project')`,
};

/** (g) The outcomes one partner co-funded (at least two funders), with how many funders each has. */
export const coFundedOutcomes: Operation = {
  id: 'g',
  title: 'co-funded outcomes of one partner',
  ours: {
    query: `query G($id: ID!) {
  coFunding(partner: $id) { outcome { id name } funderCount total { value } }
}`,
    variables: (i) => ({ id: globalId('Organisation', i.funder) }),
    facts: (data) =>
      facts(
        arr(obj(data, 'data')['coFunding'], 'coFunding').map((c) => {
          const row = obj(c, 'row');
          return [
            storeId(obj(row['outcome'], 'outcome')['id']),
            num(row['funderCount'], 'funderCount'),
          ] as const;
        }),
      ),
  },
  raw: {
    cypher: {
      neo4j: `MATCH ${reach.neo4j('x:Entity {id: $id}', 'w', 'c', 'o')}
WITH DISTINCT o
MATCH ${reach.neo4j('f:Organisation', 'w2', 'c2', 'o')}
WITH o, count(DISTINCT f) AS funders
WHERE funders >= 2
RETURN o.id AS outcome, o.name AS name, funders
ORDER BY funders DESC, outcome`,
      kuzu: `MATCH ${reach.kuzu('x:Organisation {id: $id}', 'w', 'c', 'o')}
WITH DISTINCT o
MATCH ${reach.kuzu('f:Organisation', 'w2', 'c2', 'o')}
WITH o, count(DISTINCT f.id) AS funders
WHERE funders >= 2
RETURN o.id AS outcome, o.name AS name, funders
ORDER BY funders DESC, outcome`,
    },
    params: (i) => ({ id: i.funder }),
    facts: (rows) =>
      facts(rows.map((r) => [str(r['outcome'], 'outcome'), num(r['funders'], 'funders')] as const)),
  },
  neo4jGraphql: {
    unsupported:
      'needs grouping by outcome over two patterns (direct and through a project) and counting distinct funders; only a @cypher field (raw Cypher again) could say it',
  },
};
