// programmeFundingReceivedIndex: range index for Programme pages in fundingReceived order
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX programme_funding_received_index IF NOT EXISTS FOR (n:Programme) ON (n.fundingReceived, n.nameRank)
