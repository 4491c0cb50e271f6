// countMetric: how many Metric nodes pass the list's filters
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $nameContains, $measureContains, $unit, $period, $status
// returns: count (int)
MATCH (n:Metric)
WHERE ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
  AND ($measureContains IS NULL OR lower(n.measure) CONTAINS $measureContains)
  AND ($unit IS NULL OR n.unit = $unit)
  AND ($period IS NULL OR n.period = $period)
  AND ($status IS NULL OR n.status = $status)
RETURN count(n) AS count
