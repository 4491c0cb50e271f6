// deriveOutcomeFundersStaged: deriveOutcomeFunders on a load's staged graph
// generated from cypher/derive/derive-outcome-funders.cypher by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
MATCH (x:StagedOutcome)
OPTIONAL MATCH (f:StagedOrganisation)-[:FUNDS]->(w)<-[:PART_OF*0..1]-(c)-[:AIMS_AT]->(x)
WHERE c.id = w.id OR (w.kind = 'Programme' AND c.kind = 'Project')
WITH x, count(DISTINCT f) AS funders
SET x.funderCount = funders
