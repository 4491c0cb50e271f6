// partOfRelationshipIdIndex: index for looking PART_OF relationships up by id
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX part_of_relationship_id_index IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.id)
