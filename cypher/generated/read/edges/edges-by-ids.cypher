// edgesByIds: relationships for a batch of ids, with their endpoint ids, one row per id found
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $ids (list of string, never empty)
// returns: from (string), to (string), r (relationship)
UNWIND $ids AS relationshipId
MATCH (a)-[r]->(b)
WHERE r.id = relationshipId
RETURN a.id AS from, b.id AS to, r
