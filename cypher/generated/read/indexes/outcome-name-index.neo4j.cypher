// outcomeNameIndex: range index for Outcome pages in name order
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX outcome_name_index IF NOT EXISTS FOR (n:Outcome) ON (n.nameRank)
