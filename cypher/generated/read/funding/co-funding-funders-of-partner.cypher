// coFundingFundersOfPartner: per outcome one organisation’s funding reaches, how many organisations fund it (the lines of coFundingLinesOfPartner)
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $partner (string), $via, $period (string or null each)
// returns: outcome (string), funders (int: organisations whose funding reaches it)
MATCH (me:Organisation {id: $partner})-[m:FUNDS]->(w0)<-[:PART_OF*0..1]-(c0)-[:AIMS_AT]->(x:Outcome)
WHERE (c0.id = w0.id OR (w0.kind = 'Programme' AND c0.kind = 'Project')) AND ($period IS NULL OR m.period = $period)
WITH DISTINCT x
MATCH (f:Organisation)-[r:FUNDS]->(w)<-[:PART_OF*0..1]-(c)-[a:AIMS_AT]->(x)
WHERE (c.id = w.id OR (w.kind = 'Programme' AND c.kind = 'Project'))
  AND ($via IS NULL OR w.id = $via OR c.id = $via)
  AND ($period IS NULL OR r.period = $period)
RETURN x.id AS outcome, count(DISTINCT f.id) AS funders
