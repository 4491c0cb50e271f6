// organisationNameIndex: range index for Organisation pages in name order
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX organisation_name_index IF NOT EXISTS FOR (n:Organisation) ON (n.nameRank)
