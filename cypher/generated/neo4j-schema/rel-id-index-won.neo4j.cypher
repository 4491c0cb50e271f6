// relIdIndexWon: index on the id of WON relationships
// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX rel_id_won IF NOT EXISTS FOR ()-[r:WON]-() ON (r.id)
