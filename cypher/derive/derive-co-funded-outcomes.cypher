// deriveCoFundedOutcomes: stores on every organisation how many outcomes its funding reaches that another organisation's funding reaches too (coFundedOutcomes)
// params: none
// returns: nothing
// Runs after deriveOutcomeFunders, whose counts it reads.
MATCH (o:Organisation)
OPTIONAL MATCH (o)-[:FUNDS]->(w)<-[:PART_OF*0..1]-(c)-[:AIMS_AT]->(x:Outcome)
WHERE (c.id = w.id OR (w.kind = 'Programme' AND c.kind = 'Project')) AND x.funderCount >= 2
WITH o, count(DISTINCT x) AS outcomes
SET o.coFundedOutcomes = outcomes
