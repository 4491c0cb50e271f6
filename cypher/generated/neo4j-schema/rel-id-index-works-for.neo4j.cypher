// relIdIndexWorksFor: index on the id of WORKS_FOR relationships
// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX rel_id_works_for IF NOT EXISTS FOR ()-[r:WORKS_FOR]-() ON (r.id)
