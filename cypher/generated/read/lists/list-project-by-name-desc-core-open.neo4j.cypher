// listProjectByNameDescCoreOpen: the first page of Project nodes, by name, DESC, core properties only, unfiltered
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $limit (int)
// returns: Project core properties as columns
MATCH (n:Project)
WHERE n.nameRank IS NOT NULL
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.nameRank AS nameRank, n.period AS period
ORDER BY n.nameRank DESC
LIMIT $limit
