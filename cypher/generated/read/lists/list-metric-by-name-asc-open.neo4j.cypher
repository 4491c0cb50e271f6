// listMetricByNameAscOpen: the first page of Metric nodes, by name, ASC, unfiltered
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $withEvidence (boolean), $limit (int)
// returns: Metric properties as columns
MATCH (n:Metric)
WHERE n.nameRank IS NOT NULL
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.aliases AS aliases, n.formerIds AS formerIds, n.nameRank AS nameRank, n.value AS value, n.valueHigh AS valueHigh, n.unit AS unit, n.valueText AS valueText, n.measure AS measure, n.period AS period, n.periodText AS periodText, n.periodFrom AS periodFrom, n.periodTo AS periodTo, n.periodBasis AS periodBasis, n.qualifier AS qualifier, n.status AS status, n.conflictGroup AS conflictGroup, n.ordersApart AS ordersApart, CASE WHEN $withEvidence THEN n.evSource ELSE NULL END AS evSource, CASE WHEN $withEvidence THEN n.evLineStart ELSE NULL END AS evLineStart, CASE WHEN $withEvidence THEN n.evLineEnd ELSE NULL END AS evLineEnd, CASE WHEN $withEvidence THEN n.evSection ELSE NULL END AS evSection
ORDER BY n.nameRank ASC
LIMIT $limit
