// nodesByIds: nodes of any kind for a batch of ids, one row per id found
// params: $ids (list of string)
// returns: n (node)
MATCH (n)
WHERE n.id IN $ids
RETURN n
