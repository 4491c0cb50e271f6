// deleteStagedNodes: deletes up to $limit staged nodes with their relationships (a failed or killed load's leftovers), in a transaction of their own
// params: $limit (int)
// returns: deleted (int; 0 when none is left)
MATCH (n:StagedEntity)
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
