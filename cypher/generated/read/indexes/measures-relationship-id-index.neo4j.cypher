// measuresRelationshipIdIndex: index for looking MEASURES relationships up by id
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX measures_relationship_id_index IF NOT EXISTS FOR ()-[r:MEASURES]-() ON (r.id)
