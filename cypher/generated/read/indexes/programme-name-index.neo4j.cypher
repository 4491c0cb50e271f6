// programmeNameIndex: range index for Programme pages in name order
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX programme_name_index IF NOT EXISTS FOR (n:Programme) ON (n.nameRank)
