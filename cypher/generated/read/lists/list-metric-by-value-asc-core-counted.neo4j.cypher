// listMetricByValueAscCoreCounted: one page of Metric nodes, by value then name, ASC, core properties only, and how many pass the filters
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $nameContains, $measureContains, $unit, $period, $status, $loKey, $loRank, $hiKey, $hiRank, $limit (int)
// returns: total (int: how many pass the filters; no row when none does), Metric core properties as columns, sortKey (the order value)
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
  AND n.value >= $loKey AND (n.value > $loKey OR n.nameRank > $loRank)
  AND n.value <= $hiKey AND (n.value < $hiKey OR n.nameRank < $hiRank)
RETURN total, n.id AS id, n.kind AS kind, n.name AS name, n.nameRank AS nameRank, n.period AS period, n.value AS sortKey
ORDER BY n.value ASC, n.nameRank ASC
LIMIT $limit
