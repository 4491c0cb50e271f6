// countAward: how many Award nodes pass the list's filters
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $result, $year
// returns: count (int)
MATCH (n:Award)
WHERE ($result IS NULL OR n.result = $result)
  AND ($year IS NULL OR n.year = $year)
RETURN count(n) AS count
