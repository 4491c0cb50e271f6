// fundingLines: every funding line to be summed, with what a sum groups it by
// params: $period, $fundingKind (string or null: no filter)
// returns: funder, target, fundingKind, period, currency (string), line (string: the conflict group,
//   or the relationship's id), amount (float)
// A line the report also breaks down into shares (lineRole total) is left out: its shares carry
// the money. The store sums these rows, counting each conflict group once per group key.
MATCH (f:Organisation)-[r:FUNDS]->(t)
WHERE ($period IS NULL OR r.period = $period) AND ($fundingKind IS NULL OR r.fundingKind = $fundingKind)
  AND coalesce(r.lineRole, '') <> 'total'
RETURN f.id AS funder, t.id AS target, r.fundingKind AS fundingKind, r.period AS period, r.currency AS currency,
  coalesce(r.conflictGroup, r.id) AS line, r.amount AS amount
