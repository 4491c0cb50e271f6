// partnersWithRelationshipIdIndex: index for looking PARTNERS_WITH relationships up by id
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX partners_with_relationship_id_index IF NOT EXISTS FOR ()-[r:PARTNERS_WITH]-() ON (r.id)
