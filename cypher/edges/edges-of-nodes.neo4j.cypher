// edgesOfNodes: every relationship that starts or ends at one of the nodes, with its endpoint ids
// params: $ids (list of string, never empty)
// returns: from (string), to (string), r (relationship)
MATCH (n:Entity)-[r]-()
WHERE n.id IN $ids
RETURN DISTINCT startNode(r).id AS from, endNode(r).id AS to, r
