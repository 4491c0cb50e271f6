// projectFundingReceivedIndex: range index for Project pages in fundingReceived order
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX project_funding_received_index IF NOT EXISTS FOR (n:Project) ON (n.fundingReceived, n.nameRank)
