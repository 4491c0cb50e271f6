// entityIdUnique: ids are unique across every kind of node
// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE CONSTRAINT entity_id_unique IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE
