// outcomeIdIndex: index for looking Outcome nodes up by id
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX outcome_id_index IF NOT EXISTS FOR (n:Outcome) ON (n.id)
