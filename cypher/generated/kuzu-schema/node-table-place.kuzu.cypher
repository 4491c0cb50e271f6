// nodeTablePlace: Kuzu node table for Place
// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE NODE TABLE IF NOT EXISTS Place(id STRING, kind STRING, name STRING, aliases STRING[], formerIds STRING[], evSource STRING[], evLineStart INT64[], evLineEnd INT64[], evSection STRING[], sortName STRING, searchText STRING, nameRank INT64, category STRING, PRIMARY KEY (id))
