// countPlace: how many Place nodes pass the list's filters
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $nameContains, $category
// returns: count (int)
MATCH (n:Place)
WHERE ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
  AND ($category IS NULL OR n.category = $category)
RETURN count(n) AS count
