// countReport: how many Report nodes pass the list's filters
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: count (int)
MATCH (n:Report)
RETURN count(n) AS count
