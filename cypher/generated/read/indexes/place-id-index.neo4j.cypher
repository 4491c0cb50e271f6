// placeIdIndex: index for looking Place nodes up by id
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX place_id_index IF NOT EXISTS FOR (n:Place) ON (n.id)
