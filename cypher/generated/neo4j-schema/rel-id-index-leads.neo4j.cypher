// relIdIndexLeads: index on the id of LEADS relationships
// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX rel_id_leads IF NOT EXISTS FOR ()-[r:LEADS]-() ON (r.id)
