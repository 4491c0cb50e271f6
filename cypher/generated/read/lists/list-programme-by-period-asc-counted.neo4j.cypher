// listProgrammeByPeriodAscCounted: one page of Programme nodes, by period then name, ASC, and how many pass the filters
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $nameContains, $period, $minFunders, $loKey, $loRank, $hiKey, $hiRank, $withEvidence (boolean), $limit (int)
// returns: total (int: how many pass the filters; no row when none does), Programme properties as columns, sortKey (the order value)
MATCH (n:Programme)
WHERE ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
  AND ($period IS NULL OR n.period = $period)
  AND n.funderCount >= $minFunders
WITH count(n) AS total
MATCH (n:Programme)
WHERE ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
  AND ($period IS NULL OR n.period = $period)
  AND n.funderCount >= $minFunders
  AND coalesce(n.period, '~') >= $loKey AND (coalesce(n.period, '~') > $loKey OR n.nameRank > $loRank)
  AND coalesce(n.period, '~') <= $hiKey AND (coalesce(n.period, '~') < $hiKey OR n.nameRank < $hiRank)
RETURN total, n.id AS id, n.kind AS kind, n.name AS name, n.aliases AS aliases, n.formerIds AS formerIds, n.nameRank AS nameRank, n.period AS period, n.category AS category, n.otherKind AS otherKind, n.fundingReceived AS fundingReceived, n.funderCount AS funderCount, CASE WHEN $withEvidence THEN n.evSource ELSE NULL END AS evSource, CASE WHEN $withEvidence THEN n.evLineStart ELSE NULL END AS evLineStart, CASE WHEN $withEvidence THEN n.evLineEnd ELSE NULL END AS evLineEnd, CASE WHEN $withEvidence THEN n.evSection ELSE NULL END AS evSection, coalesce(n.period, '~') AS sortKey
ORDER BY coalesce(n.period, '~') ASC, n.nameRank ASC
LIMIT $limit
