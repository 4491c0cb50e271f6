// relIdIndexMeasures: index on the id of MEASURES relationships
// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX rel_id_measures IF NOT EXISTS FOR ()-[r:MEASURES]-() ON (r.id)
