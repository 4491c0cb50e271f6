// createStagedEdges: writes a batch of a load's relationships between its staged nodes, while the load holds the lease
// params: $owner (string), $rows (list of maps: from, to, kind, props)
// returns: created (int; fewer than the rows when an endpoint is missing, 0 when the lease is no longer this load's)
// The lease is locked until the batch commits, as in createStagedNodes.
MATCH (l:GraphLoad {key: 'load', owner: $owner})
SET l.heartbeat = timestamp()
WITH l
UNWIND $rows AS row
MATCH (a:StagedEntity {id: row.from})
MATCH (b:StagedEntity {id: row.to})
CREATE (a)-[r:$(row.kind)]->(b)
SET r = row.props
RETURN count(r) AS created
