// countProject: how many Project nodes pass the list's filters
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $nameContains, $period, $minFunders, $categories
// returns: count (int)
MATCH (n:Project)
WHERE ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
  AND ($period IS NULL OR n.period = $period)
  AND n.funderCount >= $minFunders
  AND n.category IN $categories
RETURN count(n) AS count
