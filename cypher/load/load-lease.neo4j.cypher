// loadLease: the load lease as it stands, read only: for a service waiting for another load to end
// params: $staleMs (int)
// returns: owner (string), host (string), pid (int), startedAt (int, ms since the epoch), fresh (boolean: renewed within $staleMs); no row when no load holds it
// Server time, as takeLoadLease judges it.
MATCH (l:GraphLoad {key: 'load'})
WHERE l.owner IS NOT NULL
RETURN l.owner AS owner, l.host AS host, l.pid AS pid, l.startedAt AS startedAt, l.heartbeat > timestamp() - $staleMs AS fresh
