// fundingLinePage: one page of the funding lines a filter keeps, by line id, from the front: the ids after $after and before $before, the first $limit
// params: $funder, $recipient (node ids), $period, $fundingKind (strings), $after, $before (line ids): each null for no bound; $limit (int: the page and one more)
// returns: from (string), to (string), r (relationship), ordered by r.id
// Keyset paging on the line id, which is unique and stable: the rows read are the page and one.
MATCH (f:Organisation)-[r:FUNDS]->(t)
WHERE ($funder IS NULL OR f.id = $funder)
  AND ($recipient IS NULL OR t.id = $recipient)
  AND ($period IS NULL OR r.period = $period)
  AND ($fundingKind IS NULL OR r.fundingKind = $fundingKind)
  AND ($after IS NULL OR r.id > $after)
  AND ($before IS NULL OR r.id < $before)
RETURN f.id AS from, t.id AS to, r
ORDER BY r.id
LIMIT $limit
