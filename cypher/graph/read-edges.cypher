// readEdges: every relationship with its endpoint ids, for the export
// params: none
// returns: from (string), to (string), r (relationship), ordered by id
MATCH (a)-[r]->(b)
RETURN a.id AS from, b.id AS to, r
ORDER BY r.id
