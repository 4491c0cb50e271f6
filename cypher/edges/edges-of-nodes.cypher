// edgesOfNodes: every relationship that starts or ends at one of the nodes, with its endpoint ids
// params: $ids (list of string, never empty)
// returns: from (string), to (string), r (relationship)
// Kuzu has no startNode(): matching the directed pattern from either end keeps the direction.
MATCH (a)-[r]->(b)
WHERE a.id IN $ids OR b.id IN $ids
RETURN a.id AS from, b.id AS to, r
