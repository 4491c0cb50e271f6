// coFunderOtherBatch: each co-funder of an organisation, with the co-funder’s funding of the things both fund, summed as funding lines are, for a batch of organisations
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $ids (list of string, never empty), $period (string or null)
// returns: org, coFunder (strings), amount (float)
MATCH (a:Organisation)-[mine:FUNDS]->(w)<-[theirs:FUNDS]-(b:Organisation)
WHERE b.id <> a.id AND ($period IS NULL OR (mine.period = $period AND theirs.period = $period)) AND a.id IN $ids
WITH DISTINCT a, b, theirs
WHERE coalesce(theirs.lineRole, '') <> 'total'
WITH a, b, coalesce(theirs.conflictGroup, theirs.jointGroup, theirs.id) AS line, min(theirs.amount) AS low
RETURN a.id AS org, b.id AS coFunder, coalesce(sum(low), 0.0) AS amount
