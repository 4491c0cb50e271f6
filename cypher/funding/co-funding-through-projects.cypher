// coFundingThroughProjects: every funding line whose funded programme has a project that aims at an outcome
// params: none
// returns: outcome (string), via (string: the funded programme), contributor (string: its project that
//   aims at the outcome), status (string: aimed or achieved), funder (string), r (the FUNDS relationship)
MATCH (f:Organisation)-[r:FUNDS]->(w:Programme)<-[:PART_OF]-(p:Project)-[a:AIMS_AT]->(o:Outcome)
RETURN o.id AS outcome, w.id AS via, p.id AS contributor, a.status AS status, f.id AS funder, r
