// fundsRelationshipIdIndex: index for looking FUNDS relationships up by id
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX funds_relationship_id_index IF NOT EXISTS FOR ()-[r:FUNDS]-() ON (r.id)
