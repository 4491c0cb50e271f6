// listAwardByNewestAscCoreCounted: one page of Award nodes, by newest then name, ASC, core properties only, and how many pass the filters
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $result, $year, $loKey, $loRank, $hiKey, $hiRank, $limit (int)
// returns: total (int: how many pass the filters; no row when none does), Award core properties as columns, sortKey (the order value)
MATCH (n:Award)
WHERE ($result IS NULL OR n.result = $result)
  AND ($year IS NULL OR n.year = $year)
WITH count(n) AS total
MATCH (n:Award)
WHERE ($result IS NULL OR n.result = $result)
  AND ($year IS NULL OR n.year = $year)
  AND -coalesce(n.year, 0) >= $loKey AND (-coalesce(n.year, 0) > $loKey OR n.nameRank > $loRank)
  AND -coalesce(n.year, 0) <= $hiKey AND (-coalesce(n.year, 0) < $hiKey OR n.nameRank < $hiRank)
RETURN total, n.id AS id, n.kind AS kind, n.name AS name, n.nameRank AS nameRank, -coalesce(n.year, 0) AS sortKey
ORDER BY -coalesce(n.year, 0) ASC, n.nameRank ASC
LIMIT $limit
