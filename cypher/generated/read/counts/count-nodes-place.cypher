// countNodesPlace: how many Place nodes the graph holds
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: count (int)
MATCH (n:Place)
RETURN count(n) AS count
