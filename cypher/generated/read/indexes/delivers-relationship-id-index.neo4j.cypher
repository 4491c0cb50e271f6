// deliversRelationshipIdIndex: index for looking DELIVERS relationships up by id
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX delivers_relationship_id_index IF NOT EXISTS FOR ()-[r:DELIVERS]-() ON (r.id)
