// coFundingFundersOfPartner: per outcome one organisation’s funding reaches, how many organisations fund it (the lines of coFundingLinesOfPartner)
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $partner (string), $via, $period (string or null each)
// returns: outcome (string), funders (int: organisations whose funding reaches it)
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
MATCH (f:Organisation)-[r:FUNDS]->(w)
WHERE $period IS NULL OR r.period = $period
RETURN x.id AS outcome, count(DISTINCT f.id) AS funders
