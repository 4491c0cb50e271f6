// deriveWorkFundingStaged: deriveWorkFunding on a load's staged graph
// generated from cypher/derive/derive-work-funding.neo4j.cypher by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
MATCH (w:StagedProgramme|StagedProject)
OPTIONAL MATCH (w)<-[r:FUNDS]-(f)
WHERE coalesce(r.lineRole, '') <> 'total'
WITH w, count(DISTINCT f) AS funders
OPTIONAL MATCH (w)<-[r:FUNDS]-()
WHERE coalesce(r.lineRole, '') <> 'total'
WITH w, funders, coalesce(r.conflictGroup, r.jointGroup, r.id) AS line, min(r.amount) AS low
WITH w, funders, sum(low) AS received
SET w.funderCount = funders, w.fundingReceived = coalesce(received, 0.0)
