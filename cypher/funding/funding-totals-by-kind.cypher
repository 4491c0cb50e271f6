// fundingTotalsByKind: funding summed per funding kind (core, additional, attracted; counterparts: how many funders)
// params: $period, $fundingKind (string or null: no filter)
// returns: key (string), currency (string), low, high (float), lines, edges, counterparts (int)
// Figures in one conflict group are one funding line: it counts once, at its lowest value in low
// and its highest in high, so a total never silently picks one of two disagreeing figures. A line
// the report also breaks down into shares (lineRole total) is left out: its shares carry the money.
MATCH (f:Organisation)-[r:FUNDS]->(t)
WHERE ($period IS NULL OR r.period = $period) AND ($fundingKind IS NULL OR r.fundingKind = $fundingKind)
  AND coalesce(r.lineRole, '') <> 'total'
WITH r.fundingKind AS key, r.currency AS currency, f.id AS counterpart, coalesce(r.conflictGroup, r.id) AS line,
  min(r.amount) AS low, max(r.amount) AS high, count(r) AS edges
RETURN key, currency, sum(low) AS low, sum(high) AS high, count(line) AS lines, sum(edges) AS edges,
  count(DISTINCT counterpart) AS counterparts
