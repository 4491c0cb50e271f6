// programmeFunderCountIndex: range index for Programme pages in funderCount order
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX programme_funder_count_index IF NOT EXISTS FOR (n:Programme) ON (n.funderCount, n.nameRank)
