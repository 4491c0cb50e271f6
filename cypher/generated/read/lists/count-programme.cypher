// countProgramme: how many Programme nodes pass the list's filters
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $nameContains, $period, $minFunders
// returns: count (int)
MATCH (n:Programme)
WHERE ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
  AND ($period IS NULL OR n.period = $period)
  AND n.funderCount >= $minFunders
RETURN count(n) AS count
