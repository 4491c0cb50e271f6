// deleteRetiredNodes: deletes up to $limit nodes of a graph a load replaced, with their relationships, in a transaction of their own
// params: $limit (int)
// returns: deleted (int; 0 when none is left)
MATCH (n:RetiredEntity)
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
