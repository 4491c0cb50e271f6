// listAwardByNewestAscCore: one page of Award nodes, by newest then name, ASC, core properties only
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $result, $year, $loKey, $loRank, $hiKey, $hiRank, $limit (int)
// returns: Award core properties as columns, sortKey (the order value)
MATCH (n:Award)
WHERE ($result IS NULL OR n.result = $result)
  AND ($year IS NULL OR n.year = $year)
  AND -coalesce(n.year, 0) >= $loKey AND (-coalesce(n.year, 0) > $loKey OR n.nameRank > $loRank)
  AND -coalesce(n.year, 0) <= $hiKey AND (-coalesce(n.year, 0) < $hiKey OR n.nameRank < $hiRank)
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.nameRank AS nameRank, -coalesce(n.year, 0) AS sortKey
ORDER BY -coalesce(n.year, 0) ASC, n.nameRank ASC
LIMIT $limit
