// edgesByIds: relationships for a batch of ids, with their endpoint ids, one row per id found
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $ids (list of string, never empty)
// returns: from (string), to (string), r (relationship)
UNWIND $ids AS relationshipId
CALL (relationshipId) {
  MATCH (a)-[r:FUNDS {id: relationshipId}]->(b) RETURN a, r, b
  UNION ALL
  MATCH (a)-[r:LEADS {id: relationshipId}]->(b) RETURN a, r, b
  UNION ALL
  MATCH (a)-[r:DELIVERS {id: relationshipId}]->(b) RETURN a, r, b
  UNION ALL
  MATCH (a)-[r:PARTNERS_WITH {id: relationshipId}]->(b) RETURN a, r, b
  UNION ALL
  MATCH (a)-[r:CHAIRS {id: relationshipId}]->(b) RETURN a, r, b
  UNION ALL
  MATCH (a)-[r:WORKS_FOR {id: relationshipId}]->(b) RETURN a, r, b
  UNION ALL
  MATCH (a)-[r:PART_OF {id: relationshipId}]->(b) RETURN a, r, b
  UNION ALL
  MATCH (a)-[r:CONTINUES_AS {id: relationshipId}]->(b) RETURN a, r, b
  UNION ALL
  MATCH (a)-[r:COMMENTED_ON {id: relationshipId}]->(b) RETURN a, r, b
  UNION ALL
  MATCH (a)-[r:WON {id: relationshipId}]->(b) RETURN a, r, b
  UNION ALL
  MATCH (a)-[r:MEASURES {id: relationshipId}]->(b) RETURN a, r, b
  UNION ALL
  MATCH (a)-[r:EVIDENCES {id: relationshipId}]->(b) RETURN a, r, b
  UNION ALL
  MATCH (a)-[r:AIMS_AT {id: relationshipId}]->(b) RETURN a, r, b
  UNION ALL
  MATCH (a)-[r:RUNS_IN {id: relationshipId}]->(b) RETURN a, r, b
  UNION ALL
  MATCH (a)-[r:COVERS {id: relationshipId}]->(b) RETURN a, r, b
  UNION ALL
  MATCH (a)-[r:PRESENTS {id: relationshipId}]->(b) RETURN a, r, b
}
RETURN a.id AS from, b.id AS to, r
