// edgesByIds: relationships for a batch of ids, with their endpoint ids, one row per id found
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $ids (list of string, never empty)
// returns: from (string), to (string), r (relationship)
UNWIND $ids AS relationshipId
CALL (relationshipId) {
  MATCH (a:Entity)-[r:FUNDS {id: relationshipId}]->(b) RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:LEADS {id: relationshipId}]->(b) RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:DELIVERS {id: relationshipId}]->(b) RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:PARTNERS_WITH {id: relationshipId}]->(b) RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:CHAIRS {id: relationshipId}]->(b) RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:WORKS_FOR {id: relationshipId}]->(b) RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:PART_OF {id: relationshipId}]->(b) RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:CONTINUES_AS {id: relationshipId}]->(b) RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:COMMENTED_ON {id: relationshipId}]->(b) RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:WON {id: relationshipId}]->(b) RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:MEASURES {id: relationshipId}]->(b) RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:EVIDENCES {id: relationshipId}]->(b) RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:AIMS_AT {id: relationshipId}]->(b) RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:RUNS_IN {id: relationshipId}]->(b) RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:COVERS {id: relationshipId}]->(b) RETURN a, r, b
  UNION ALL
  MATCH (a:Entity)-[r:PRESENTS {id: relationshipId}]->(b) RETURN a, r, b
}
RETURN a.id AS from, b.id AS to, r
