// organisationIdIndex: index for looking Organisation nodes up by id
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX organisation_id_index IF NOT EXISTS FOR (n:Organisation) ON (n.id)
