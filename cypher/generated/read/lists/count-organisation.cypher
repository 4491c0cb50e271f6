// countOrganisation: how many Organisation nodes pass the list's filters
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $nameContains, $categories, $minFunded, $minCoFundedOutcomes
// returns: count (int)
MATCH (n:Organisation)
WHERE ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
  AND n.category IN $categories
  AND n.fundedCount >= $minFunded
  AND n.coFundedOutcomes >= $minCoFundedOutcomes
RETURN count(n) AS count
