// coFundingStoredFundersOfPartner: per outcome one organisation’s funding reaches, how many organisations fund it as the load stored it (coFundingFundersOfPartner with no $via and no $period)
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $partner (string), $period (null: the stored counts are of every period)
// returns: outcome (string), funders (int: organisations whose funding reaches it)
MATCH (me:Organisation {id: $partner})-[m:FUNDS]->(w0)
WHERE $period IS NULL OR m.period = $period
WITH DISTINCT w0
MATCH (w0)<-[:PART_OF*0..1]-(c0)-[:AIMS_AT]->(x:Outcome)
WHERE (c0.id = w0.id OR (w0.kind = 'Programme' AND c0.kind = 'Project'))
WITH DISTINCT x
RETURN x.id AS outcome, x.funderCount AS funders
