// entityKindIndex: index for listing nodes of one kind
// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind)
