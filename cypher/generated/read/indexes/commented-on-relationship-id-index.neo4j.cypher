// commentedOnRelationshipIdIndex: index for looking COMMENTED_ON relationships up by id
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX commented_on_relationship_id_index IF NOT EXISTS FOR ()-[r:COMMENTED_ON]-() ON (r.id)
