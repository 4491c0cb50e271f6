// evidencesRelationshipIdIndex: index for looking EVIDENCES relationships up by id
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX evidences_relationship_id_index IF NOT EXISTS FOR ()-[r:EVIDENCES]-() ON (r.id)
