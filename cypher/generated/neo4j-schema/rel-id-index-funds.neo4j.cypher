// relIdIndexFunds: index on the id of FUNDS relationships
// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX rel_id_funds IF NOT EXISTS FOR ()-[r:FUNDS]-() ON (r.id)
