// fundingLinePageReversed: one page of the funding lines a filter keeps, by line id, from the back: the last $limit of the ids after $after and before $before, last first
// params: $funder, $recipient (node ids), $period, $fundingKind (strings), $after, $before (line ids): each null for no bound; $limit (int: the page and one more)
// returns: from (string), to (string), r (relationship), ordered by r.id descending
MATCH (f:Organisation)-[r:FUNDS]->(t)
WHERE ($funder IS NULL OR f.id = $funder)
  AND ($recipient IS NULL OR t.id = $recipient)
  AND ($period IS NULL OR r.period = $period)
  AND ($fundingKind IS NULL OR r.fundingKind = $fundingKind)
  AND ($after IS NULL OR r.id > $after)
  AND ($before IS NULL OR r.id < $before)
RETURN f.id AS from, t.id AS to, r
ORDER BY r.id DESC
LIMIT $limit
