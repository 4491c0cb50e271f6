// coFunderOwn: each co-funder of an organisation, with the organisation’s funding of the things both fund, summed as funding lines are
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $id (string), $period (string or null)
// returns: org, coFunder (strings), amount (float)
MATCH (a:Organisation {id: $id})-[mine:FUNDS]->(w)<-[theirs:FUNDS]-(b:Organisation)
WHERE b.id <> a.id AND ($period IS NULL OR (mine.period = $period AND theirs.period = $period))
WITH DISTINCT a, b, mine
WHERE coalesce(mine.lineRole, '') <> 'total'
WITH a, b, coalesce(mine.conflictGroup, mine.jointGroup, mine.id) AS line, min(mine.amount) AS low
RETURN a.id AS org, b.id AS coFunder, coalesce(sum(low), 0.0) AS amount
