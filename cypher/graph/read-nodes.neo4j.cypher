// readNodes: every node of the graph model, for the export
// params: none
// returns: n (node), ordered by id
MATCH (n:Entity)
RETURN n
ORDER BY n.id
