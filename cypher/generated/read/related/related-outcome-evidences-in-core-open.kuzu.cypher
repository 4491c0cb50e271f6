// relatedOutcomeEvidencesInCoreOpen: EVIDENCES relationships to Outcome nodes, with the node at the other end, core properties only, unfiltered and unbounded: one page for one parent, through its primary key
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $parent (string), $orderBy ('name', 'kind', 'period' or 'amount'), $orderConstant (number), $dir (1 or -1), $page (1 forward, -1 backward), $limit (int)
// returns: parent (string), row (map: e_ relationship properties, n_ properties of the node at the other end, k1 the sort value times $dir)
MATCH (p:Outcome {id: $parent})<-[r:EVIDENCES]-(o)
WITH p, r, o, CASE WHEN $orderBy = 'period' THEN r.periodRank * 1.0 ELSE $orderConstant * 1.0 END * $dir + 0.0 AS K1, o.nameRank * $dir AS K2, r.tieKey * $dir AS K3
RETURN p.id AS parent, {e_id: r.id, e_role: r.role, e_period: r.period, e_tieKey: r.tieKey, e_periodRank: r.periodRank, n_id: o.id, n_name: o.name, n_nameRank: o.nameRank, n_period: o.period, k1: K1} AS row
ORDER BY K1 * $page, K2 * $page, K3 * $page
LIMIT $limit
