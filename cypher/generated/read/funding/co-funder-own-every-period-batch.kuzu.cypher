// coFunderOwnEveryPeriodBatch: each co-funder of an organisation, with the organisation’s funding of the things both fund, summed as funding lines are, of every period, for a batch of organisations
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $ids (list of string, never empty)
// returns: org, coFunder (strings), amount (float)
MATCH (a:Organisation)-[ownLine:FUNDS]->(w)<-[otherLine:FUNDS]-(b:Organisation)
WHERE b.id <> a.id AND a.id IN $ids
HINT (((a JOIN ownLine) JOIN w) JOIN otherLine) JOIN b
WITH DISTINCT a, b, ownLine
WHERE coalesce(ownLine.lineRole, '') <> 'total'
WITH a, b, coalesce(ownLine.conflictGroup, ownLine.jointGroup, ownLine.id) AS line, min(ownLine.amount) AS low
RETURN a.id AS org, b.id AS coFunder, coalesce(sum(low), 0.0) AS amount
