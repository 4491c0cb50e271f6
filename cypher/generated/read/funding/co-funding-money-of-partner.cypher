// coFundingMoneyOfPartner: per outcome one organisation’s funding reaches, what reaches it, summed as funding lines are (the lines of coFundingLinesOfPartner)
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $partner (string), $via, $period (string or null each)
// returns: outcome (string), low, high (floats: its funding summed), conflicting (int: 1 when figures of a line disagree)
MATCH (me:Organisation {id: $partner})-[m:FUNDS]->(w0)
WHERE $period IS NULL OR m.period = $period
WITH DISTINCT w0
MATCH (w0)<-[:PART_OF*0..1]-(c0)-[:AIMS_AT]->(x:Outcome)
WHERE (c0.id = w0.id OR (w0.kind = 'Programme' AND c0.kind = 'Project'))
WITH DISTINCT x
MATCH (c)-[:AIMS_AT]->(x)
WITH DISTINCT x, c
MATCH (c)-[:PART_OF*0..1]->(w)
WHERE (c.id = w.id OR (w.kind = 'Programme' AND c.kind = 'Project'))
  AND ($via IS NULL OR w.id = $via OR c.id = $via)
WITH DISTINCT x, w
WITH w, collect(x.id) AS outcomes
MATCH (f:Organisation)-[r:FUNDS]->(w)
WHERE $period IS NULL OR r.period = $period
WITH w, outcomes, CASE WHEN coalesce(r.lineRole, '') = 'total' THEN NULL ELSE coalesce(r.conflictGroup, r.jointGroup, r.id) END AS line, coalesce(r.amount, 0.0) AS amount
WITH w, outcomes, line, min(amount) AS workLow, max(amount) AS workHigh
UNWIND outcomes AS outcome
WITH outcome, line, min(workLow) AS lineLow, max(workHigh) AS lineHigh
WITH outcome, sum(CASE WHEN line IS NULL THEN 0.0 ELSE lineLow END) AS low, sum(CASE WHEN line IS NULL THEN 0.0 ELSE lineHigh END) AS high,
  max(CASE WHEN line IS NOT NULL AND lineLow <> lineHigh THEN 1 ELSE 0 END) AS conflicting
RETURN outcome, low, high, conflicting
