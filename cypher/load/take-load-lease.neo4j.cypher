// takeLoadLease: claims the one load that may run against this database, unless another holds it, renewed it within $staleMs and is not $deadOwner
// params: $owner (string), $host (string), $pid (int), $staleMs (int), $deadOwner (string or null)
// returns: taken (boolean), owner (string), host (string), pid (int), startedAt (int, ms since the epoch)
// Server time throughout, so two loaders' clocks need not agree. $deadOwner is a holder the caller
// found dead (a process of its own host, in its own process namespace, that no longer runs): its
// lease is taken at once. The first SET locks the lease before it is read, so two loaders taking a
// stale lease at the same moment cannot both see it free: the second reads what the first wrote.
MERGE (l:GraphLoad {key: 'load'})
SET l.claimant = $owner
WITH l
WITH l, l.owner IS NOT NULL AND l.owner <> $owner AND l.heartbeat > timestamp() - $staleMs AND l.owner <> coalesce($deadOwner, '') AS held
SET l.owner = CASE WHEN held THEN l.owner ELSE $owner END,
    l.host = CASE WHEN held THEN l.host ELSE $host END,
    l.pid = CASE WHEN held THEN l.pid ELSE $pid END,
    l.startedAt = CASE WHEN held THEN l.startedAt ELSE timestamp() END,
    l.heartbeat = CASE WHEN held THEN l.heartbeat ELSE timestamp() END
REMOVE l.claimant
RETURN NOT held AS taken, l.owner AS owner, l.host AS host, l.pid AS pid, l.startedAt AS startedAt
