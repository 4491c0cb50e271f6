// deriveOrganisationFunding: stores on every organisation what it funds (fundedCount) and gives (fundingGiven, every period)
// params: none
// returns: nothing
// Funding lines are summed as model/funding-lines.ts says: a line broken down into shares (lineRole
// total) is left to its shares; figures of one conflict group (or the funders of one joint group) are
// one line, counted once at its lowest amount; a line with no amount adds nothing. The same rules sum funding in cypher/funding/.
MATCH (o:Organisation)
OPTIONAL MATCH (o)-[r:FUNDS]->(t)
WHERE coalesce(r.lineRole, '') <> 'total'
WITH o, count(DISTINCT t) AS funded
OPTIONAL MATCH (o)-[r:FUNDS]->()
WHERE coalesce(r.lineRole, '') <> 'total'
WITH o, funded, coalesce(r.conflictGroup, r.jointGroup, r.id) AS line, min(r.amount) AS low
WITH o, funded, sum(low) AS given
SET o.fundedCount = funded, o.fundingGiven = coalesce(given, 0.0)
