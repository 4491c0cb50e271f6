// relIdIndexContinuesAs: index on the id of CONTINUES_AS relationships
// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX rel_id_continues_as IF NOT EXISTS FOR ()-[r:CONTINUES_AS]-() ON (r.id)
