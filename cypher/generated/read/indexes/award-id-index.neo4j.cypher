// awardIdIndex: index for looking Award nodes up by id
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX award_id_index IF NOT EXISTS FOR (n:Award) ON (n.id)
