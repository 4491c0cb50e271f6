// relatedPlacePartOfInWithEvidenceBatch: PART_OF relationships to Place nodes, with the node at the other end, evidence included: one page for each of a batch of parents
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $parents (list of string, never empty), $otherKinds (the kinds at the other end, each framed by |: '|Organisation|'), $role (lower-case text or null), $period (string or null), $orderBy ('name', 'kind', 'period' or 'amount'), $orderConstant (number), $dir (1 or -1), $lo1, $lo2, $lo3, $hi1, $hi2, $hi3 (numbers: the keys, times $dir, the page lies strictly between), $page (1 forward, -1 backward), $limit (int), $withCount (boolean: also return total; asked only with open bounds)
// returns: parent (string), total (int when $withCount, else null: how many relationships pass the filters; a parent with none has no row), the row as columns (e_ relationship properties, n_ properties of the node at the other end, k1 the sort value times $dir)
MATCH (p:Place)
WHERE p.id IN $parents
CALL (p) {
  WITH p WHERE $withCount
  MATCH (p)<-[r:PART_OF]-(o)
  WHERE $otherKinds CONTAINS ('|' + o.kind + '|')
    AND ($role IS NULL OR lower(coalesce(r.role, '')) CONTAINS $role)
    AND ($period IS NULL OR r.period = $period)
  RETURN count(*) AS total
}
CALL (p) {
  MATCH (p)<-[r:PART_OF]-(o)
  WHERE $otherKinds CONTAINS ('|' + o.kind + '|')
    AND ($role IS NULL OR lower(coalesce(r.role, '')) CONTAINS $role)
    AND ($period IS NULL OR r.period = $period)
  WITH r, o, CASE WHEN $orderBy = 'period' THEN r.periodRank * 1.0 ELSE $orderConstant * 1.0 END * $dir + 0.0 AS K1, o.nameRank * $dir AS K2, r.tieKey * $dir AS K3
  WHERE (K1 > $lo1 OR (K1 = $lo1 AND (K2 > $lo2 OR (K2 = $lo2 AND K3 > $lo3))))
    AND (K1 < $hi1 OR (K1 = $hi1 AND (K2 < $hi2 OR (K2 = $hi2 AND K3 < $hi3))))
  RETURN r.id AS e_id, r.role AS e_role, r.period AS e_period, r.periodText AS e_periodText, r.periodFrom AS e_periodFrom, r.periodTo AS e_periodTo, r.periodBasis AS e_periodBasis, r.inference AS e_inference, r.tieKey AS e_tieKey, r.periodRank AS e_periodRank, r.evSource AS e_evSource, r.evLineStart AS e_evLineStart, r.evLineEnd AS e_evLineEnd, r.evSection AS e_evSection, o.id AS n_id, o.name AS n_name, o.aliases AS n_aliases, o.formerIds AS n_formerIds, o.nameRank AS n_nameRank, o.category AS n_category, o.evSource AS n_evSource, o.evLineStart AS n_evLineStart, o.evLineEnd AS n_evLineEnd, o.evSection AS n_evSection, K1 AS k1
  ORDER BY K1 * $page, K2 * $page, K3 * $page
  LIMIT $limit
}
RETURN p.id AS parent, CASE WHEN $withCount THEN total ELSE NULL END AS total, e_id, e_role, e_period, e_periodText, e_periodFrom, e_periodTo, e_periodBasis, e_inference, e_tieKey, e_periodRank, e_evSource, e_evLineStart, e_evLineEnd, e_evSection, n_id, n_name, n_aliases, n_formerIds, n_nameRank, n_category, n_evSource, n_evLineStart, n_evLineEnd, n_evSection, k1
