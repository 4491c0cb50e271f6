// countEdgesContinuesAs: how many CONTINUES_AS relationships the graph holds
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: count (int)
MATCH (:Entity)-[r:CONTINUES_AS]->()
RETURN count(r) AS count
