import { arr, globalId, type Operation, obj, storeId, str } from './types.js';

const MAX_HOPS = 4;
const FIRST = 3;

/**
 * Facts: the shortest length, and that every path runs between the two entities. Which FIRST of
 * several equally short paths an engine finds first is its own business, and the service folds
 * parallel relationships (two reports of one partnership) into one path where Cypher returns one
 * per relationship, so neither the sequences nor their number are compared.
 */
const facts = (paths: readonly (readonly string[])[]) => ({
  length: paths.length === 0 ? null : (paths[0]?.length ?? 1) - 1,
  found: paths.length > 0,
  endpoints: [...new Set(paths.map((p) => `${p[0]}..${p[p.length - 1]}`))],
});

/** (h) The shortest paths between two entities, at most 4 hops, at most 3 paths. */
export const path: Operation = {
  id: 'h',
  title: 'a path between two entities',
  ours: {
    query: `query H($from: ID!, $to: ID!) {
  path(from: $from, to: $to, maxHops: ${MAX_HOPS}, first: ${FIRST}) {
    length
    paths { nodes { id name } hops { relationship { kind } forward } }
  }
}`,
    variables: (i) => ({ from: globalId('Organisation', i.pathFrom), to: globalId('Programme', i.pathTo) }),
    facts: (data) =>
      facts(
        arr(obj(obj(data, 'data')['path'], 'path')['paths'], 'paths').map((p) =>
          arr(obj(p, 'path')['nodes'], 'nodes').map((n) => storeId(obj(n, 'node')['id'])),
        ),
      ),
  },
  raw: {
    cypher: {
      neo4j: `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[:FUNDS|LEADS|DELIVERS|PARTNERS_WITH|CHAIRS|WORKS_FOR|PART_OF|CONTINUES_AS|COMMENTED_ON|WON|AIMS_AT*..${MAX_HOPS}]-(b))
RETURN [n IN nodes(p) | n.id] AS nodeIds, [r IN relationships(p) | r.kind] AS kinds
LIMIT ${FIRST}`,
      kuzu: `MATCH p = (a)-[:FUNDS|LEADS|DELIVERS|PARTNERS_WITH|CHAIRS|WORKS_FOR|PART_OF|CONTINUES_AS|COMMENTED_ON|WON|AIMS_AT* ALL SHORTEST 1..${MAX_HOPS}]-(b)
WHERE a.id = $from AND b.id = $to
RETURN properties(nodes(p), 'id') AS nodeIds, properties(rels(p), 'kind') AS kinds
LIMIT ${FIRST}`,
    },
    params: (i) => ({ from: i.pathFrom, to: i.pathTo }),
    facts: (rows) => facts(rows.map((r) => arr(r['nodeIds'], 'nodeIds').map((id) => str(id, 'id')))),
  },
  neo4jGraphql: { unsupported: 'no shortest paths: @neo4j/graphql generates no path queries' },
};
