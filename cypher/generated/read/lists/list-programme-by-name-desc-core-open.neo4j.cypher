// listProgrammeByNameDescCoreOpen: the first page of Programme nodes, by name, DESC, core properties only, unfiltered
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $limit (int)
// returns: Programme core properties as columns
MATCH (n:Programme)
WHERE n.nameRank IS NOT NULL
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.nameRank AS nameRank, n.period AS period
ORDER BY n.nameRank DESC
LIMIT $limit
