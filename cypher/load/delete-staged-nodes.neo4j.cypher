// deleteStagedNodes: deletes up to $limit staged nodes with their relationships (a failed or killed load's leftovers), in a transaction of its own, while the load holds the lease
// params: $owner (string), $limit (int)
// returns: deleted (int; 0 when none is left, or when the lease is no longer this load's)
// The lease is locked until the batch commits: a load that lost its lease never deletes what the
// load holding it now has staged.
MATCH (l:GraphLoad {key: 'load', owner: $owner})
SET l.heartbeat = timestamp()
WITH l
MATCH (n:StagedEntity)
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
