// relIdIndexChairs: index on the id of CHAIRS relationships
// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX rel_id_chairs IF NOT EXISTS FOR ()-[r:CHAIRS]-() ON (r.id)
