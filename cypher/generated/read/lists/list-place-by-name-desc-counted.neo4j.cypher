// listPlaceByNameDescCounted: one page of Place nodes, by name, DESC, and how many pass the filters
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $nameContains, $category, $loRank, $hiRank, $withEvidence (boolean), $limit (int)
// returns: total (int: how many pass the filters; no row when none does), Place properties as columns
MATCH (n:Place)
WHERE ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
  AND ($category IS NULL OR n.category = $category)
WITH count(n) AS total
MATCH (n:Place)
WHERE ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
  AND ($category IS NULL OR n.category = $category)
  AND n.nameRank < $loRank
  AND n.nameRank > $hiRank
RETURN total, n.id AS id, n.kind AS kind, n.name AS name, n.aliases AS aliases, n.formerIds AS formerIds, n.nameRank AS nameRank, n.category AS category, CASE WHEN $withEvidence THEN n.evSource ELSE NULL END AS evSource, CASE WHEN $withEvidence THEN n.evLineStart ELSE NULL END AS evLineStart, CASE WHEN $withEvidence THEN n.evLineEnd ELSE NULL END AS evLineEnd, CASE WHEN $withEvidence THEN n.evSection ELSE NULL END AS evSection
ORDER BY n.nameRank DESC
LIMIT $limit
