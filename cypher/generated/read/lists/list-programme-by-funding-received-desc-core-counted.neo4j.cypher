// listProgrammeByFundingReceivedDescCoreCounted: one page of Programme nodes, by fundingReceived then name, DESC, core properties only, and how many pass the filters
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $nameContains, $period, $minFunders, $loKey, $loRank, $hiKey, $hiRank, $limit (int)
// returns: total (int: how many pass the filters; no row when none does), Programme core properties as columns, sortKey (the order value)
MATCH (n:Programme)
WHERE ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
  AND ($period IS NULL OR n.period = $period)
  AND n.funderCount >= $minFunders
WITH count(n) AS total
MATCH (n:Programme)
WHERE ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
  AND ($period IS NULL OR n.period = $period)
  AND n.funderCount >= $minFunders
  AND n.fundingReceived <= $loKey AND (n.fundingReceived < $loKey OR n.nameRank < $loRank)
  AND n.fundingReceived >= $hiKey AND (n.fundingReceived > $hiKey OR n.nameRank > $hiRank)
RETURN total, n.id AS id, n.kind AS kind, n.name AS name, n.nameRank AS nameRank, n.period AS period, n.fundingReceived AS sortKey
ORDER BY n.fundingReceived DESC, n.nameRank DESC
LIMIT $limit
