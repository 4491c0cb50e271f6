// countNodesReport: how many Report nodes the graph holds
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: count (int)
MATCH (n:Report)
RETURN count(n) AS count
