// reportNameIndex: range index for Report pages in name order
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX report_name_index IF NOT EXISTS FOR (n:Report) ON (n.nameRank)
