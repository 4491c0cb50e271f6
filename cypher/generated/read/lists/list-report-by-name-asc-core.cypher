// listReportByNameAscCore: one page of Report nodes, by name, ASC, core properties only
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $loRank, $hiRank, $limit (int)
// returns: Report core properties as columns
MATCH (n:Report)
WHERE n.nameRank > $loRank
  AND n.nameRank < $hiRank
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.nameRank AS nameRank, n.period AS period
ORDER BY n.nameRank ASC
LIMIT $limit
