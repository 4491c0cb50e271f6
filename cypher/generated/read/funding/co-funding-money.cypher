// coFundingMoney: per outcome, what reaches it, summed as funding lines are, narrowed to one outcome, one funded node or one period when asked (the lines of coFundingLines)
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $outcome, $via, $period (string or null each)
// returns: outcome (string), low, high (floats: its funding summed), conflicting (int: 1 when figures of a line disagree)
MATCH (f:Organisation)-[r:FUNDS]->(w)<-[:PART_OF*0..1]-(c)-[a:AIMS_AT]->(x:Outcome)
WHERE (c.id = w.id OR (w.kind = 'Programme' AND c.kind = 'Project'))
  AND ($outcome IS NULL OR x.id = $outcome)
  AND ($via IS NULL OR w.id = $via OR c.id = $via)
  AND ($period IS NULL OR r.period = $period)
WITH x, CASE WHEN coalesce(r.lineRole, '') = 'total' THEN NULL ELSE coalesce(r.conflictGroup, r.jointGroup, r.id) END AS line, coalesce(r.amount, 0.0) AS amount
WITH x, line, min(amount) AS lineLow, max(amount) AS lineHigh
WITH x, sum(CASE WHEN line IS NULL THEN 0.0 ELSE lineLow END) AS low, sum(CASE WHEN line IS NULL THEN 0.0 ELSE lineHigh END) AS high,
  max(CASE WHEN line IS NOT NULL AND lineLow <> lineHigh THEN 1 ELSE 0 END) AS conflicting
RETURN x.id AS outcome, low, high, conflicting
