// listMetricByNameAscCounted: one page of Metric nodes, by name, ASC, and how many pass the filters
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $nameContains, $measureContains, $unit, $period, $status, $loRank, $hiRank, $withEvidence (boolean), $limit (int)
// returns: total (int: how many pass the filters; no row when none does), Metric properties as columns
MATCH (n:Metric)
WHERE ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
  AND ($measureContains IS NULL OR lower(n.measure) CONTAINS $measureContains)
  AND ($unit IS NULL OR n.unit = $unit)
  AND ($period IS NULL OR n.period = $period)
  AND ($status IS NULL OR n.status = $status)
WITH count(n) AS total
MATCH (n:Metric)
WHERE ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
  AND ($measureContains IS NULL OR lower(n.measure) CONTAINS $measureContains)
  AND ($unit IS NULL OR n.unit = $unit)
  AND ($period IS NULL OR n.period = $period)
  AND ($status IS NULL OR n.status = $status)
  AND n.nameRank > $loRank
  AND n.nameRank < $hiRank
RETURN total, n.id AS id, n.kind AS kind, n.name AS name, n.aliases AS aliases, n.formerIds AS formerIds, n.nameRank AS nameRank, n.value AS value, n.valueHigh AS valueHigh, n.unit AS unit, n.valueText AS valueText, n.measure AS measure, n.period AS period, n.periodText AS periodText, n.periodFrom AS periodFrom, n.periodTo AS periodTo, n.periodBasis AS periodBasis, n.qualifier AS qualifier, n.status AS status, n.conflictGroup AS conflictGroup, n.ordersApart AS ordersApart, CASE WHEN $withEvidence THEN n.evSource ELSE NULL END AS evSource, CASE WHEN $withEvidence THEN n.evLineStart ELSE NULL END AS evLineStart, CASE WHEN $withEvidence THEN n.evLineEnd ELSE NULL END AS evLineEnd, CASE WHEN $withEvidence THEN n.evSection ELSE NULL END AS evSection
ORDER BY n.nameRank ASC
LIMIT $limit
