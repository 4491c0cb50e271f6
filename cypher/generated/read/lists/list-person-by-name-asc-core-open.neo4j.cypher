// listPersonByNameAscCoreOpen: the first page of Person nodes, by name, ASC, core properties only, unfiltered
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $limit (int)
// returns: Person core properties as columns
MATCH (n:Person)
WHERE n.nameRank IS NOT NULL
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.nameRank AS nameRank
ORDER BY n.nameRank ASC
LIMIT $limit
