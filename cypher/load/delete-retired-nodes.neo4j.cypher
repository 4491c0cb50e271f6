// deleteRetiredNodes: deletes up to $limit nodes of a graph a load replaced, with their relationships, in a transaction of its own, while the load holds the lease
// params: $owner (string), $limit (int)
// returns: deleted (int; 0 when none is left, or when the lease is no longer this load's)
// The lease is locked until the batch commits, as in deleteStagedNodes.
MATCH (l:GraphLoad {key: 'load', owner: $owner})
SET l.heartbeat = timestamp()
WITH l
MATCH (n:RetiredEntity)
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
