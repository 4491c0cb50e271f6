// relatedProgrammePartOfOutCounted: PART_OF relationships from Programme nodes, with the node at the other end: one page for one parent, through its primary key, and how many there are
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $parent (string), $otherKinds (the kinds at the other end, each framed by |: '|Organisation|'), $role (lower-case text or null), $period (string or null), $orderBy ('name', 'kind', 'period' or 'amount'), $orderConstant (number), $dir (1 or -1), $lo1, $lo2, $lo3, $hi1, $hi2, $hi3 (numbers: the keys, times $dir, the page lies strictly between), $page (1 forward, -1 backward), $limit (int)
// returns: parent (string), total (int: how many relationships pass the filters; a parent with none has no row), row (map: e_ relationship properties, n_ properties of the node at the other end, k1 the sort value times $dir)
MATCH (p:Programme {id: $parent})-[r:PART_OF]->(o)
WHERE $otherKinds CONTAINS ('|' + o.kind + '|')
  AND ($role IS NULL OR lower(coalesce(r.role, '')) CONTAINS $role)
  AND ($period IS NULL OR r.period = $period)
HINT (p JOIN r) JOIN o
WITH p, r, o, CASE WHEN $orderBy = 'period' THEN r.periodRank * 1.0 ELSE $orderConstant * 1.0 END * $dir + 0.0 AS K1, o.nameRank * $dir AS K2, r.tieKey * $dir AS K3
WHERE (K1 > $lo1 OR (K1 = $lo1 AND (K2 > $lo2 OR (K2 = $lo2 AND K3 > $lo3))))
  AND (K1 < $hi1 OR (K1 = $hi1 AND (K2 < $hi2 OR (K2 = $hi2 AND K3 < $hi3))))
WITH p, r, o, K1, K2, K3 ORDER BY K1 * $page, K2 * $page, K3 * $page SKIP 0
WITH p.id AS parent, count(*) AS total, list_slice(collect({e_id: r.id, e_role: r.role, e_period: r.period, e_periodText: r.periodText, e_periodFrom: r.periodFrom, e_periodTo: r.periodTo, e_periodBasis: r.periodBasis, e_inference: r.inference, e_tieKey: r.tieKey, e_periodRank: r.periodRank, n_id: o.id, n_name: o.name, n_aliases: o.aliases, n_formerIds: o.formerIds, n_nameRank: o.nameRank, n_period: o.period, n_category: o.category, n_otherKind: o.otherKind, n_fundingReceived: o.fundingReceived, n_funderCount: o.funderCount, k1: K1}), 1, $limit) AS rows
UNWIND rows AS row
RETURN parent, total AS total, row
