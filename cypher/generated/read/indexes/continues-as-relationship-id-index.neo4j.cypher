// continuesAsRelationshipIdIndex: index for looking CONTINUES_AS relationships up by id
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX continues_as_relationship_id_index IF NOT EXISTS FOR ()-[r:CONTINUES_AS]-() ON (r.id)
