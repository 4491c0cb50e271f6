// countNodesOutcome: how many Outcome nodes the graph holds
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: count (int)
MATCH (n:Outcome)
RETURN count(n) AS count
