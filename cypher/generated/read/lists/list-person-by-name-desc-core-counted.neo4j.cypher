// listPersonByNameDescCoreCounted: one page of Person nodes, by name, DESC, core properties only, and how many pass the filters
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $nameContains, $loRank, $hiRank, $limit (int)
// returns: total (int: how many pass the filters; no row when none does), Person core properties as columns
MATCH (n:Person)
WHERE ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
WITH count(n) AS total
MATCH (n:Person)
WHERE ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
  AND n.nameRank < $loRank
  AND n.nameRank > $hiRank
RETURN total, n.id AS id, n.kind AS kind, n.name AS name, n.nameRank AS nameRank
ORDER BY n.nameRank DESC
LIMIT $limit
