// listOrganisationByFundingGivenDescCoreCounted: one page of Organisation nodes, by fundingGiven then name, DESC, core properties only, and how many pass the filters
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $nameContains, $categories, $minFunded, $minCoFundedOutcomes, $loKey, $loRank, $hiKey, $hiRank, $limit (int)
// returns: total (int: how many pass the filters; no row when none does), Organisation core properties as columns, sortKey (the order value)
MATCH (n:Organisation)
WHERE ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
  AND n.category IN $categories
  AND n.fundedCount >= $minFunded
  AND n.coFundedOutcomes >= $minCoFundedOutcomes
WITH count(n) AS total
MATCH (n:Organisation)
WHERE ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
  AND n.category IN $categories
  AND n.fundedCount >= $minFunded
  AND n.coFundedOutcomes >= $minCoFundedOutcomes
  AND n.fundingGiven <= $loKey AND (n.fundingGiven < $loKey OR n.nameRank < $loRank)
  AND n.fundingGiven >= $hiKey AND (n.fundingGiven > $hiKey OR n.nameRank > $hiRank)
RETURN total, n.id AS id, n.kind AS kind, n.name AS name, n.nameRank AS nameRank, n.fundingGiven AS sortKey
ORDER BY n.fundingGiven DESC, n.nameRank DESC
LIMIT $limit
