// aimsAtRelationshipIdIndex: index for looking AIMS_AT relationships up by id
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX aims_at_relationship_id_index IF NOT EXISTS FOR ()-[r:AIMS_AT]-() ON (r.id)
