// personIdIndex: index for looking Person nodes up by id
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX person_id_index IF NOT EXISTS FOR (n:Person) ON (n.id)
