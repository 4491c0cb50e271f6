// projectFunderCountIndex: range index for Project pages in funderCount order
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX project_funder_count_index IF NOT EXISTS FOR (n:Project) ON (n.funderCount, n.nameRank)
