// deriveWorkFunding: stores on every programme and project how many organisations fund it (funderCount) and what it receives (fundingReceived, every period)
// params: none
// returns: nothing
// Summed as deriveOrganisationFunding sums (model/funding-lines.ts). Kuzu's (w:A:B) is either label.
MATCH (w:Programme:Project)
OPTIONAL MATCH (w)<-[r:FUNDS]-(f)
WHERE coalesce(r.lineRole, '') <> 'total'
WITH w, count(DISTINCT f) AS funders
OPTIONAL MATCH (w)<-[r:FUNDS]-()
WHERE coalesce(r.lineRole, '') <> 'total'
WITH w, funders, coalesce(r.conflictGroup, r.jointGroup, r.id) AS line, min(r.amount) AS low
WITH w, funders, sum(low) AS received
SET w.funderCount = funders, w.fundingReceived = coalesce(received, 0.0)
