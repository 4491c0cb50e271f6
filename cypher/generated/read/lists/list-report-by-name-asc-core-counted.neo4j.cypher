// listReportByNameAscCoreCounted: one page of Report nodes, by name, ASC, core properties only, and how many pass the filters
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $loRank, $hiRank, $limit (int)
// returns: total (int: how many pass the filters; no row when none does), Report core properties as columns
MATCH (n:Report)
WITH count(n) AS total
MATCH (n:Report)
WHERE n.nameRank > $loRank
  AND n.nameRank < $hiRank
RETURN total, n.id AS id, n.kind AS kind, n.name AS name, n.nameRank AS nameRank, n.period AS period
ORDER BY n.nameRank ASC
LIMIT $limit
