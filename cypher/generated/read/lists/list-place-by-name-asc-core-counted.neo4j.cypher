// listPlaceByNameAscCoreCounted: one page of Place nodes, by name, ASC, core properties only, and how many pass the filters
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $nameContains, $category, $loRank, $hiRank, $limit (int)
// returns: total (int: how many pass the filters; no row when none does), Place core properties as columns
MATCH (n:Place)
WHERE ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
  AND ($category IS NULL OR n.category = $category)
WITH count(n) AS total
MATCH (n:Place)
WHERE ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
  AND ($category IS NULL OR n.category = $category)
  AND n.nameRank > $loRank
  AND n.nameRank < $hiRank
RETURN total, n.id AS id, n.kind AS kind, n.name AS name, n.nameRank AS nameRank
ORDER BY n.nameRank ASC
LIMIT $limit
