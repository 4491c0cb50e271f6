// coFundingFunders: per outcome, how many organisations fund it, narrowed to one outcome, one funded node or one period when asked (the lines of coFundingLines)
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $outcome, $via, $period (string or null each)
// returns: outcome (string), funders (int: organisations whose funding reaches it)
MATCH (x:Outcome)
WHERE $outcome IS NULL OR x.id = $outcome
MATCH (c)-[:AIMS_AT]->(x)
WITH DISTINCT x, c
MATCH (c)-[:PART_OF*0..1]->(w)
WHERE (c.id = w.id OR (w.kind = 'Programme' AND c.kind = 'Project'))
  AND ($via IS NULL OR w.id = $via OR c.id = $via)
WITH DISTINCT x, w
MATCH (f:Organisation)-[r:FUNDS]->(w)
WHERE $period IS NULL OR r.period = $period
RETURN x.id AS outcome, count(DISTINCT f.id) AS funders
