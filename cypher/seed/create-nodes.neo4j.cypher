// createNodes: writes a batch of nodes, each with the Entity label and its kind's label
// params: $rows (list of maps: the node's stored properties, kind included)
// returns: created (int)
UNWIND $rows AS row
CREATE (n:Entity:$(row.kind))
SET n = row
RETURN count(n) AS created
