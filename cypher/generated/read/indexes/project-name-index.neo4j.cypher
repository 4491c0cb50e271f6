// projectNameIndex: range index for Project pages in name order
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX project_name_index IF NOT EXISTS FOR (n:Project) ON (n.nameRank)
