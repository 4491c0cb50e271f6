// organisationCoFundedOutcomesIndex: range index for Organisation pages in coFundedOutcomes order
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX organisation_co_funded_outcomes_index IF NOT EXISTS FOR (n:Organisation) ON (n.coFundedOutcomes, n.nameRank)
