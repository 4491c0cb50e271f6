// deriveCoFundedOutcomesStaged: deriveCoFundedOutcomes on a load's staged graph
// generated from cypher/derive/derive-co-funded-outcomes.cypher by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
MATCH (o:StagedOrganisation)
OPTIONAL MATCH (o)-[:FUNDS]->(w)<-[:PART_OF*0..1]-(c)-[:AIMS_AT]->(x:StagedOutcome)
WHERE (c.id = w.id OR (w.kind = 'Programme' AND c.kind = 'Project')) AND x.funderCount >= 2
WITH o, count(DISTINCT x) AS outcomes
SET o.coFundedOutcomes = outcomes
