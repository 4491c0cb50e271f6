// programmeIdIndex: index for looking Programme nodes up by id
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX programme_id_index IF NOT EXISTS FOR (n:Programme) ON (n.id)
