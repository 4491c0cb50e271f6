// organisationFundingGivenIndex: range index for Organisation pages in fundingGiven order
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX organisation_funding_given_index IF NOT EXISTS FOR (n:Organisation) ON (n.fundingGiven, n.nameRank)
