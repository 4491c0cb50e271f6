// reportIdIndex: index for looking Report nodes up by id
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX report_id_index IF NOT EXISTS FOR (n:Report) ON (n.id)
