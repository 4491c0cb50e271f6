// createStagedNodes: writes a batch of a load's nodes into its staged graph, which no read matches (StagedEntity and Staged + kind as labels), while the load holds the lease
// params: $owner (string), $rows (list of maps: the node's stored properties, kind included)
// returns: created (int; 0 when the lease is no longer this load's)
// Renewing the lease locks it until this batch commits, so a load taking over a stale lease waits
// for the batch and then clears it with the rest.
MATCH (l:GraphLoad {key: 'load', owner: $owner})
SET l.heartbeat = timestamp()
WITH l
UNWIND $rows AS row
CREATE (n:StagedEntity:$('Staged' + row.kind))
SET n = row
RETURN count(n) AS created
