// listOrganisationByNameDescCoreOpen: the first page of Organisation nodes, by name, DESC, core properties only, unfiltered
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $limit (int)
// returns: Organisation core properties as columns
MATCH (n:Organisation)
WHERE n.nameRank IS NOT NULL
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.nameRank AS nameRank
ORDER BY n.nameRank DESC
LIMIT $limit
