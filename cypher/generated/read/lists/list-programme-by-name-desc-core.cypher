// listProgrammeByNameDescCore: one page of Programme nodes, by name, DESC, core properties only
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $nameContains, $period, $minFunders, $loRank, $hiRank, $limit (int)
// returns: Programme core properties as columns
MATCH (n:Programme)
WHERE ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
  AND ($period IS NULL OR n.period = $period)
  AND n.funderCount >= $minFunders
  AND n.nameRank < $loRank
  AND n.nameRank > $hiRank
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.nameRank AS nameRank, n.period AS period
ORDER BY n.nameRank DESC
LIMIT $limit
