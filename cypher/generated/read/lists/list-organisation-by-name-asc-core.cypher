// listOrganisationByNameAscCore: one page of Organisation nodes, by name, ASC, core properties only
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $nameContains, $categories, $minFunded, $minCoFundedOutcomes, $loRank, $hiRank, $limit (int)
// returns: Organisation core properties as columns
MATCH (n:Organisation)
WHERE ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
  AND n.category IN $categories
  AND n.fundedCount >= $minFunded
  AND n.coFundedOutcomes >= $minCoFundedOutcomes
  AND n.nameRank > $loRank
  AND n.nameRank < $hiRank
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.nameRank AS nameRank
ORDER BY n.nameRank ASC
LIMIT $limit
