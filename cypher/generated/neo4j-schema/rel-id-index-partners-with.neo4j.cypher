// relIdIndexPartnersWith: index on the id of PARTNERS_WITH relationships
// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX rel_id_partners_with IF NOT EXISTS FOR ()-[r:PARTNERS_WITH]-() ON (r.id)
