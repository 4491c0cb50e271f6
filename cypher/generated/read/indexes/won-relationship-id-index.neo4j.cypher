// wonRelationshipIdIndex: index for looking WON relationships up by id
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX won_relationship_id_index IF NOT EXISTS FOR ()-[r:WON]-() ON (r.id)
