// coFundingDirect: every funding line whose funded programme or project aims at an outcome
// params: none
// returns: outcome (string), via (string: the funded node, which aims at the outcome), status (string:
//   aimed or achieved), funder (string), r (the FUNDS relationship)
// Kept apart from coFundingThroughProjects rather than joined by UNION ALL: Kuzu 0.11 misplaces
// columns under UNION ALL when a branch repeats an expression, and crashes on a relationship column.
MATCH (f:Organisation)-[r:FUNDS]->(w)-[a:AIMS_AT]->(o:Outcome)
RETURN o.id AS outcome, w.id AS via, a.status AS status, f.id AS funder, r
