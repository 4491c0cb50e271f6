// releaseLoadLease: frees the lease when the load that holds it ends
// params: $owner (string)
// returns: nothing
MATCH (l:GraphLoad {key: 'load', owner: $owner})
DELETE l
