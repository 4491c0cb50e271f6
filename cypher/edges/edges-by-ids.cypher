// edgesByIds: relationships for a batch of ids, with their endpoint ids, one row per id found
// params: $ids (list of string, never empty)
// returns: from (string), to (string), r (relationship)
// A join on each id rather than `r.id IN $ids`: Kuzu 0.11.3 corrupts rows of IN filters on scans
// that span several tables (see src/store/read-cypher.ts, RELATED_FILTERS).
UNWIND $ids AS relationshipId
MATCH (a)-[r]->(b)
WHERE r.id = relationshipId
RETURN a.id AS from, b.id AS to, r
