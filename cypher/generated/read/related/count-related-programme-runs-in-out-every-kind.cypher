// countRelatedProgrammeRunsInOutEveryKind: how many RUNS_IN relationships start at each of a batch of Programme nodes, whatever the kind at their other end, filtered as their pages are
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $parents (list of string, never empty), $role (lower-case text or null), $period (string or null)
// returns: parent (string), count (int); parents with none are absent
MATCH (p:Programme)-[r:RUNS_IN]->()
WHERE p.id IN $parents
  AND ($role IS NULL OR lower(coalesce(r.role, '')) CONTAINS $role)
  AND ($period IS NULL OR r.period = $period)
RETURN p.id AS parent, count(r) AS count
