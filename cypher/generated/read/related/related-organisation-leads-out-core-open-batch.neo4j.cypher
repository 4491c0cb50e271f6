// relatedOrganisationLeadsOutCoreOpenBatch: LEADS relationships from Organisation nodes, with the node at the other end, core properties only, unfiltered and unbounded: one page for each of a batch of parents
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $parents (list of string, never empty), $orderBy ('name', 'kind', 'period' or 'amount'), $orderConstant (number), $dir (1 or -1), $page (1 forward, -1 backward), $limit (int), $withCount (boolean: also return total; asked only with open bounds)
// returns: parent (string), total (int when $withCount, else null: how many relationships pass the filters; a parent with none has no row), the row as columns (e_ relationship properties, n_ properties of the node at the other end, k1 the sort value times $dir)
MATCH (p:Organisation)
WHERE p.id IN $parents
CALL (p) {
  WITH p WHERE $withCount
  MATCH (p)-[r:LEADS]->(o)
  RETURN count(*) AS total
}
CALL (p) {
  MATCH (p)-[r:LEADS]->(o)
  WITH r, o, CASE WHEN $orderBy = 'period' THEN r.periodRank * 1.0 ELSE $orderConstant * 1.0 END * $dir + 0.0 AS K1, o.nameRank * $dir AS K2, r.tieKey * $dir AS K3
  RETURN r.id AS e_id, r.role AS e_role, r.period AS e_period, r.tieKey AS e_tieKey, r.periodRank AS e_periodRank, o.id AS n_id, o.name AS n_name, o.nameRank AS n_nameRank, o.period AS n_period, K1 AS k1
  ORDER BY K1 * $page, K2 * $page, K3 * $page
  LIMIT $limit
}
RETURN p.id AS parent, CASE WHEN $withCount THEN total ELSE NULL END AS total, e_id, e_role, e_period, e_tieKey, e_periodRank, n_id, n_name, n_nameRank, n_period, k1
