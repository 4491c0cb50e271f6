// relIdIndexEvidences: index on the id of EVIDENCES relationships
// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX rel_id_evidences IF NOT EXISTS FOR ()-[r:EVIDENCES]-() ON (r.id)
