// projectIdIndex: index for looking Project nodes up by id
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX project_id_index IF NOT EXISTS FOR (n:Project) ON (n.id)
