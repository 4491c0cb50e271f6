// renewLoadLease: tells other loaders this load is alive; finds nothing when another load has taken the lease over
// params: $owner (string)
// returns: renewed (int; 0 when the lease is no longer this load's)
OPTIONAL MATCH (l:GraphLoad {key: 'load', owner: $owner})
SET l.heartbeat = timestamp()
RETURN count(l) AS renewed
