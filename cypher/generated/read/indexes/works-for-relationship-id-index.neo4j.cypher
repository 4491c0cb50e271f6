// worksForRelationshipIdIndex: index for looking WORKS_FOR relationships up by id
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX works_for_relationship_id_index IF NOT EXISTS FOR ()-[r:WORKS_FOR]-() ON (r.id)
