// fundingLineSum: the money of the funding lines a filter keeps, summed as model/funding-lines.ts says, per currency
// params: $funder, $recipient (node ids), $period, $fundingKind (strings): each null for no filter
// returns: currency (string), low, high (floats), lines (int: the lines summed, each conflict or joint group once)
// A line broken down into shares (lineRole total) is left to its shares; the figures of one
// conflict group (or the lines of one joint group) are one line, counted at its lowest amount in
// low and its highest in high; a line with no amount counts 0.
MATCH (f:Organisation)-[r:FUNDS]->(t)
WHERE ($funder IS NULL OR f.id = $funder)
  AND ($recipient IS NULL OR t.id = $recipient)
  AND ($period IS NULL OR r.period = $period)
  AND ($fundingKind IS NULL OR r.fundingKind = $fundingKind)
  AND coalesce(r.lineRole, '') <> 'total'
WITH coalesce(r.currency, 'GBP') AS currency, coalesce(r.conflictGroup, r.jointGroup, r.id) AS line,
  min(r.amount) AS lineLow, max(r.amount) AS lineHigh
RETURN currency, coalesce(sum(lineLow), 0.0) AS low, coalesce(sum(lineHigh), 0.0) AS high, count(line) AS lines
