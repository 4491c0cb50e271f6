// relatedProjectContinuesAsOutNamesOpen: CONTINUES_AS relationships from Project nodes, with the node at the other end, ids and names only, unfiltered and unbounded: one page for one parent, through its primary key
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $parent (string), $orderBy ('name', 'kind', 'period' or 'amount'), $orderConstant (number), $dir (1 or -1), $page (1 forward, -1 backward), $limit (int)
// returns: parent (string), row (map: e_ relationship properties, n_ properties of the node at the other end, k1 the sort value times $dir)
MATCH (p:Project {id: $parent})-[r:CONTINUES_AS]->(o)
WITH p, r, o, CASE WHEN $orderBy = 'period' THEN r.periodRank * 1.0 ELSE $orderConstant * 1.0 END * $dir + 0.0 AS K1, o.nameRank * $dir AS K2, r.tieKey * $dir AS K3
RETURN p.id AS parent, {e_id: r.id, e_tieKey: r.tieKey, n_id: o.id, n_name: o.name, n_nameRank: o.nameRank, k1: K1} AS row
ORDER BY K1 * $page, K2 * $page, K3 * $page
LIMIT $limit
