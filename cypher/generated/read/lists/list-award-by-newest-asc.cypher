// listAwardByNewestAsc: one page of Award nodes, by newest then name, ASC
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $result, $year, $loKey, $loRank, $hiKey, $hiRank, $withEvidence (boolean), $limit (int)
// returns: Award properties as columns, sortKey (the order value)
MATCH (n:Award)
WHERE ($result IS NULL OR n.result = $result)
  AND ($year IS NULL OR n.year = $year)
  AND -coalesce(n.year, 0) >= $loKey AND (-coalesce(n.year, 0) > $loKey OR n.nameRank > $loRank)
  AND -coalesce(n.year, 0) <= $hiKey AND (-coalesce(n.year, 0) < $hiKey OR n.nameRank < $hiRank)
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.aliases AS aliases, n.formerIds AS formerIds, n.nameRank AS nameRank, n.year AS year, n.date AS date, n.category AS category, n.result AS result, CASE WHEN $withEvidence THEN n.evSource ELSE NULL END AS evSource, CASE WHEN $withEvidence THEN n.evLineStart ELSE NULL END AS evLineStart, CASE WHEN $withEvidence THEN n.evLineEnd ELSE NULL END AS evLineEnd, CASE WHEN $withEvidence THEN n.evSection ELSE NULL END AS evSection, -coalesce(n.year, 0) AS sortKey
ORDER BY -coalesce(n.year, 0) ASC, n.nameRank ASC
LIMIT $limit
