// listReportByNameDescOpen: the first page of Report nodes, by name, DESC, unfiltered
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $withEvidence (boolean), $limit (int)
// returns: Report properties as columns
MATCH (n:Report)
WHERE n.nameRank IS NOT NULL
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.aliases AS aliases, n.formerIds AS formerIds, n.nameRank AS nameRank, n.source AS source, n.period AS period, n.published AS published, CASE WHEN $withEvidence THEN n.evSource ELSE NULL END AS evSource, CASE WHEN $withEvidence THEN n.evLineStart ELSE NULL END AS evLineStart, CASE WHEN $withEvidence THEN n.evLineEnd ELSE NULL END AS evLineEnd, CASE WHEN $withEvidence THEN n.evSection ELSE NULL END AS evSection
ORDER BY n.nameRank DESC
LIMIT $limit
