// countNodesProgramme: how many Programme nodes the graph holds
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: count (int)
MATCH (n:Programme)
RETURN count(n) AS count
