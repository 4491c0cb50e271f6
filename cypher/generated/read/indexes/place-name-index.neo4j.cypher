// placeNameIndex: range index for Place pages in name order
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX place_name_index IF NOT EXISTS FOR (n:Place) ON (n.nameRank)
