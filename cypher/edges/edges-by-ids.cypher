// edgesByIds: relationships for a batch of ids, with their endpoint ids, one row per id found
// params: $ids (list of string, never empty)
// returns: from (string), to (string), r (relationship)
MATCH (a)-[r]->(b)
WHERE r.id IN $ids
RETURN a.id AS from, b.id AS to, r
