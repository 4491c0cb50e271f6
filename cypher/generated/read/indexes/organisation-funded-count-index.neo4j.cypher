// organisationFundedCountIndex: range index for Organisation pages in fundedCount order
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX organisation_funded_count_index IF NOT EXISTS FOR (n:Organisation) ON (n.fundedCount, n.nameRank)
