// relIdIndexPartOf: index on the id of PART_OF relationships
// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX rel_id_part_of IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.id)
