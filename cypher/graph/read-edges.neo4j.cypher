// readEdges: every relationship with its endpoint ids, for the export
// params: none
// returns: from (string), to (string), r (relationship), ordered by id
// From a served node: a load's staged graph, and the graph it replaced until it is deleted, are not
// the graph.
MATCH (a:Entity)-[r]->(b)
RETURN a.id AS from, b.id AS to, r
ORDER BY r.id
