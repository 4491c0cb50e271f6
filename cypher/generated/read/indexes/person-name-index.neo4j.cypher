// personNameIndex: range index for Person pages in name order
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX person_name_index IF NOT EXISTS FOR (n:Person) ON (n.nameRank)
