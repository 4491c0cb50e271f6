// countRelatedProgrammeRunsInOut: how many RUNS_IN relationships start at each of a batch of Programme nodes, filtered as their pages are
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $parents (list of string, never empty), $otherKinds (kinds framed by |: '|Organisation|'), $role (lower-case text or null), $period (string or null)
// returns: parent (string), count (int); parents with none are absent
MATCH (p:Programme)-[r:RUNS_IN]->(o)
WHERE p.id IN $parents
  AND $otherKinds CONTAINS ('|' + o.kind + '|')
  AND ($role IS NULL OR lower(coalesce(r.role, '')) CONTAINS $role)
  AND ($period IS NULL OR r.period = $period)
HINT (p JOIN r) JOIN o
RETURN p.id AS parent, count(r) AS count
