// countNodesProject: how many Project nodes the graph holds
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: count (int)
MATCH (n:Project)
RETURN count(n) AS count
