// countEdgesAimsAt: how many AIMS_AT relationships the graph holds
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: count (int)
MATCH (:Entity)-[r:AIMS_AT]->()
RETURN count(r) AS count
