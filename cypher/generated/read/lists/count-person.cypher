// countPerson: how many Person nodes pass the list's filters
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $nameContains
// returns: count (int)
MATCH (n:Person)
WHERE ($nameContains IS NULL OR n.searchText CONTAINS $nameContains)
RETURN count(n) AS count
