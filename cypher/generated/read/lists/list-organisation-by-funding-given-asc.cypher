// listOrganisationByFundingGivenAsc: one page of Organisation nodes, by fundingGiven then name, ASC
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $nameContains, $categories, $minFunded, $minCoFundedOutcomes, $loKey, $loRank, $hiKey, $hiRank, $withEvidence (boolean), $limit (int)
// returns: Organisation properties as columns, sortKey (the order value)
MATCH (n:Organisation)
WHERE ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
  AND n.category IN $categories
  AND n.fundedCount >= $minFunded
  AND n.coFundedOutcomes >= $minCoFundedOutcomes
  AND n.fundingGiven >= $loKey AND (n.fundingGiven > $loKey OR n.nameRank > $loRank)
  AND n.fundingGiven <= $hiKey AND (n.fundingGiven < $hiKey OR n.nameRank < $hiRank)
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.aliases AS aliases, n.formerIds AS formerIds, n.nameRank AS nameRank, n.category AS category, n.fundingGiven AS fundingGiven, n.fundedCount AS fundedCount, n.coFundedOutcomes AS coFundedOutcomes, CASE WHEN $withEvidence THEN n.evSource ELSE NULL END AS evSource, CASE WHEN $withEvidence THEN n.evLineStart ELSE NULL END AS evLineStart, CASE WHEN $withEvidence THEN n.evLineEnd ELSE NULL END AS evLineEnd, CASE WHEN $withEvidence THEN n.evSection ELSE NULL END AS evSection, n.fundingGiven AS sortKey
ORDER BY n.fundingGiven ASC, n.nameRank ASC
LIMIT $limit
