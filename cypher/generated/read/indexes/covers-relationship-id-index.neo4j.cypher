// coversRelationshipIdIndex: index for looking COVERS relationships up by id
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX covers_relationship_id_index IF NOT EXISTS FOR ()-[r:COVERS]-() ON (r.id)
