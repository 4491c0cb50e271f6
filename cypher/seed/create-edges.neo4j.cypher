// createEdges: writes a batch of relationships between existing nodes
// params: $rows (list of maps: from, to, kind, props)
// returns: created (int; fewer than the rows when an endpoint is missing)
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:$(row.kind)]->(b)
SET r = row.props
RETURN count(r) AS created
