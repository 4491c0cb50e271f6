// deriveOutcomeFunders: stores on every outcome how many organisations' funding reaches it (funderCount)
// params: none
// returns: nothing
// Funding reaches an outcome when the programme or project it went to aims at the outcome, or when
// it went to a programme one of whose projects does (model/co-funding.ts): the PART_OF step is
// taken zero or one times, and once only from a project into a programme.
MATCH (x:Outcome)
OPTIONAL MATCH (f:Organisation)-[:FUNDS]->(w)<-[:PART_OF*0..1]-(c)-[:AIMS_AT]->(x)
WHERE c.id = w.id OR (w.kind = 'Programme' AND c.kind = 'Project')
WITH x, count(DISTINCT f) AS funders
SET x.funderCount = funders
