// relatedProgrammeChairsInNamesBatch: CHAIRS relationships to Programme nodes, with the node at the other end, ids and names only: one page for each of a batch of parents
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $parents (list of string, never empty), $otherKinds (the kinds at the other end, each framed by |: '|Organisation|'), $role (lower-case text or null), $period (string or null), $orderBy ('name', 'kind', 'period' or 'amount'), $orderConstant (number), $dir (1 or -1), $lo1, $lo2, $lo3, $hi1, $hi2, $hi3 (numbers: the keys, times $dir, the page lies strictly between), $page (1 forward, -1 backward), $limit (int), $withCount (boolean: also return total; asked only with open bounds)
// returns: parent (string), total (int when $withCount, else null: how many relationships pass the filters; a parent with none has no row), row (map: e_ relationship properties, n_ properties of the node at the other end, k1 the sort value times $dir)
MATCH (p:Programme)<-[r:CHAIRS]-(o)
WHERE p.id IN $parents
  AND $otherKinds CONTAINS ('|' + o.kind + '|')
  AND ($role IS NULL OR lower(coalesce(r.role, '')) CONTAINS $role)
  AND ($period IS NULL OR r.period = $period)
HINT (p JOIN r) JOIN o
WITH p, r, o, CASE WHEN $orderBy = 'period' THEN r.periodRank * 1.0 ELSE $orderConstant * 1.0 END * $dir + 0.0 AS K1, o.nameRank * $dir AS K2, r.tieKey * $dir AS K3
WHERE (K1 > $lo1 OR (K1 = $lo1 AND (K2 > $lo2 OR (K2 = $lo2 AND K3 > $lo3))))
  AND (K1 < $hi1 OR (K1 = $hi1 AND (K2 < $hi2 OR (K2 = $hi2 AND K3 < $hi3))))
WITH p, r, o, K1, K2, K3 ORDER BY K1 * $page, K2 * $page, K3 * $page SKIP 0
WITH p.id AS parent, count(*) AS total, list_slice(collect({e_id: r.id, e_tieKey: r.tieKey, n_id: o.id, n_name: o.name, n_nameRank: o.nameRank, k1: K1}), 1, $limit) AS rows
UNWIND rows AS row
RETURN parent, CASE WHEN $withCount THEN total ELSE NULL END AS total, row
