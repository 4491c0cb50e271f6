// coFunderOwnEveryPeriod: each co-funder of an organisation, with the organisation’s funding of the things both fund, summed as funding lines are, of every period
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $id (string)
// returns: org, coFunder (strings), amount (float)
MATCH (a:Organisation {id: $id})-[ownLine:FUNDS]->(w)<-[otherLine:FUNDS]-(b:Organisation)
WHERE b.id <> a.id
WITH DISTINCT a, b, ownLine
WHERE coalesce(ownLine.lineRole, '') <> 'total'
WITH a, b, coalesce(ownLine.conflictGroup, ownLine.jointGroup, ownLine.id) AS line, min(ownLine.amount) AS low
RETURN a.id AS org, b.id AS coFunder, coalesce(sum(low), 0.0) AS amount
