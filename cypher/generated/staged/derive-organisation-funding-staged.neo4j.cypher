// deriveOrganisationFundingStaged: deriveOrganisationFunding on a load's staged graph
// generated from cypher/derive/derive-organisation-funding.cypher by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
MATCH (o:StagedOrganisation)
OPTIONAL MATCH (o)-[r:FUNDS]->(t)
WHERE coalesce(r.lineRole, '') <> 'total'
WITH o, count(DISTINCT t) AS funded
OPTIONAL MATCH (o)-[r:FUNDS]->()
WHERE coalesce(r.lineRole, '') <> 'total'
WITH o, funded, coalesce(r.conflictGroup, r.jointGroup, r.id) AS line, min(r.amount) AS low
WITH o, funded, sum(low) AS given
SET o.fundedCount = funded, o.fundingGiven = coalesce(given, 0.0)
