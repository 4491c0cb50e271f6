// relIdIndexDelivers: index on the id of DELIVERS relationships
// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX rel_id_delivers IF NOT EXISTS FOR ()-[r:DELIVERS]-() ON (r.id)
