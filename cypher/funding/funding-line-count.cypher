// fundingLineCount: how many funding lines a filter keeps (every line, totals and shares alike)
// params: $funder, $recipient (node ids), $period, $fundingKind (strings): each null for no filter
// returns: count (int)
MATCH (f:Organisation)-[r:FUNDS]->(t)
WHERE ($funder IS NULL OR f.id = $funder)
  AND ($recipient IS NULL OR t.id = $recipient)
  AND ($period IS NULL OR r.period = $period)
  AND ($fundingKind IS NULL OR r.fundingKind = $fundingKind)
RETURN count(r) AS count
