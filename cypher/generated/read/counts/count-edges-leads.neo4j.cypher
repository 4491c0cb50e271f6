// countEdgesLeads: how many LEADS relationships the graph holds
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: count (int)
MATCH (:Entity)-[r:LEADS]->()
RETURN count(r) AS count
