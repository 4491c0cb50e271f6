// coFundingSummary: per outcome, how many organisations fund it and what reaches it, narrowed to one outcome, one funded node or one period when asked: coFundingLines summed
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $outcome, $via, $period (string or null each)
// returns: outcome (string), funders (int: organisations whose funding reaches it), low, high (floats: its funding summed), conflicting (int: 1 when figures of a line disagree)
MATCH (f:Organisation)-[r:FUNDS]->(w)<-[:PART_OF*0..1]-(c)-[a:AIMS_AT]->(x:Outcome)
WHERE (c.id = w.id OR (w.kind = 'Programme' AND c.kind = 'Project'))
  AND ($outcome IS NULL OR x.id = $outcome)
  AND ($via IS NULL OR w.id = $via OR c.id = $via)
  AND ($period IS NULL OR r.period = $period)
WITH DISTINCT x, f.id AS funder, r.id AS rid, CASE WHEN coalesce(r.lineRole, '') = 'total' THEN NULL ELSE coalesce(r.conflictGroup, r.id) END AS line, coalesce(r.amount, 0.0) AS amount
WITH x, line, min(amount) AS lineLow, max(amount) AS lineHigh, count(DISTINCT amount) AS figures, collect(DISTINCT funder) AS lineFunders
WITH x, sum(CASE WHEN line IS NULL THEN 0.0 ELSE lineLow END) AS low, sum(CASE WHEN line IS NULL THEN 0.0 ELSE lineHigh END) AS high,
  max(CASE WHEN line IS NOT NULL AND figures > 1 THEN 1 ELSE 0 END) AS conflicting, collect(lineFunders) AS funderLists
UNWIND funderLists AS lineFunders
UNWIND lineFunders AS funder
WITH x, low, high, conflicting, count(DISTINCT funder) AS funders
RETURN x.id AS outcome, funders, low, high, conflicting
