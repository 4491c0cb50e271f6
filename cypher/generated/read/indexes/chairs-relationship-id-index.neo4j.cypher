// chairsRelationshipIdIndex: index for looking CHAIRS relationships up by id
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX chairs_relationship_id_index IF NOT EXISTS FOR ()-[r:CHAIRS]-() ON (r.id)
