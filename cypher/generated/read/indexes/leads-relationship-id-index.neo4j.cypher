// leadsRelationshipIdIndex: index for looking LEADS relationships up by id
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX leads_relationship_id_index IF NOT EXISTS FOR ()-[r:LEADS]-() ON (r.id)
