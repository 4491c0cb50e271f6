// listAwardByNameAscOpen: the first page of Award nodes, by name, ASC, unfiltered
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $withEvidence (boolean), $limit (int)
// returns: Award properties as columns
MATCH (n:Award)
WHERE n.nameRank IS NOT NULL
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.aliases AS aliases, n.formerIds AS formerIds, n.nameRank AS nameRank, n.year AS year, n.date AS date, n.category AS category, n.result AS result, CASE WHEN $withEvidence THEN n.evSource ELSE NULL END AS evSource, CASE WHEN $withEvidence THEN n.evLineStart ELSE NULL END AS evLineStart, CASE WHEN $withEvidence THEN n.evLineEnd ELSE NULL END AS evLineEnd, CASE WHEN $withEvidence THEN n.evSection ELSE NULL END AS evSection
ORDER BY n.nameRank ASC
LIMIT $limit
