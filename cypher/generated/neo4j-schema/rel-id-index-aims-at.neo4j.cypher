// relIdIndexAimsAt: index on the id of AIMS_AT relationships
// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX rel_id_aims_at IF NOT EXISTS FOR ()-[r:AIMS_AT]-() ON (r.id)
