// listProjectByNameDescCounted: one page of Project nodes, by name, DESC, and how many pass the filters
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $nameContains, $period, $minFunders, $categories, $loRank, $hiRank, $withEvidence (boolean), $limit (int)
// returns: total (int: how many pass the filters; no row when none does), Project properties as columns
MATCH (n:Project)
WHERE ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
  AND ($period IS NULL OR n.period = $period)
  AND n.funderCount >= $minFunders
  AND n.category IN $categories
WITH count(n) AS total
MATCH (n:Project)
WHERE ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
  AND ($period IS NULL OR n.period = $period)
  AND n.funderCount >= $minFunders
  AND n.category IN $categories
  AND n.nameRank < $loRank
  AND n.nameRank > $hiRank
RETURN total, n.id AS id, n.kind AS kind, n.name AS name, n.aliases AS aliases, n.formerIds AS formerIds, n.nameRank AS nameRank, n.category AS category, n.period AS period, n.otherKind AS otherKind, n.fundingReceived AS fundingReceived, n.funderCount AS funderCount, CASE WHEN $withEvidence THEN n.evSource ELSE NULL END AS evSource, CASE WHEN $withEvidence THEN n.evLineStart ELSE NULL END AS evLineStart, CASE WHEN $withEvidence THEN n.evLineEnd ELSE NULL END AS evLineEnd, CASE WHEN $withEvidence THEN n.evSection ELSE NULL END AS evSection
ORDER BY n.nameRank DESC
LIMIT $limit
