// presentsRelationshipIdIndex: index for looking PRESENTS relationships up by id
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX presents_relationship_id_index IF NOT EXISTS FOR ()-[r:PRESENTS]-() ON (r.id)
