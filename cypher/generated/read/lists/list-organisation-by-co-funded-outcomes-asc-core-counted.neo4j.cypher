// listOrganisationByCoFundedOutcomesAscCoreCounted: one page of Organisation nodes, by coFundedOutcomes then name, ASC, core properties only, and how many pass the filters
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
  AND n.coFundedOutcomes >= $loKey AND (n.coFundedOutcomes > $loKey OR n.nameRank > $loRank)
  AND n.coFundedOutcomes <= $hiKey AND (n.coFundedOutcomes < $hiKey OR n.nameRank < $hiRank)
RETURN total, n.id AS id, n.kind AS kind, n.name AS name, n.nameRank AS nameRank, n.coFundedOutcomes AS sortKey
ORDER BY n.coFundedOutcomes ASC, n.nameRank ASC
LIMIT $limit
