// listAwardByNameAscCoreOpen: the first page of Award nodes, by name, ASC, core properties only, unfiltered
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $limit (int)
// returns: Award core properties as columns
MATCH (n:Award)
WHERE n.nameRank IS NOT NULL
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.nameRank AS nameRank
ORDER BY n.nameRank ASC
LIMIT $limit
