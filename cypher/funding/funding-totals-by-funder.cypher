// fundingTotalsByFunder: funding summed per funder
// params: $period, $fundingKind (string or null: no filter)
// returns: key (string), currency (string), low, high (floats), lines, edges, counterparts (ints)
// Summed as model/funding-lines.ts says: a line broken down into shares (lineRole total) is left to
// its shares; the figures of one conflict group (or the lines of one joint
// group) are one line per key, counted once at its lowest amount in low and its highest in high (no
// amount counts 0); edges counts every figure; counterparts the distinct
// nodes on the other side.
MATCH (f:Organisation)-[r:FUNDS]->(t)
WHERE coalesce(r.lineRole, '') <> 'total'
  AND ($period IS NULL OR r.period = $period)
  AND ($fundingKind IS NULL OR r.fundingKind = $fundingKind)
WITH f.id AS key, coalesce(r.currency, 'GBP') AS currency, coalesce(r.conflictGroup, r.jointGroup, r.id) AS line,
  min(r.amount) AS lineLow, max(r.amount) AS lineHigh, count(r) AS lineEdges, collect(DISTINCT t.id) AS lineOthers
WITH key, currency, coalesce(sum(lineLow), 0.0) AS low, coalesce(sum(lineHigh), 0.0) AS high, count(line) AS lines, sum(lineEdges) AS edges,
  collect(lineOthers) AS others
UNWIND others AS lineOthers
UNWIND lineOthers AS other
RETURN key, currency, low, high, lines, edges, count(DISTINCT other) AS counterparts
