// nodesByIds: nodes of any kind for a batch of ids, one row per id found (through the Entity id index)
// params: $ids (list of string)
// returns: n (node)
MATCH (n:Entity)
WHERE n.id IN $ids
RETURN n
