// nodesByKinds: every node of the given kinds, in name order
// params: $kinds (list of string, never empty)
// returns: n (node), ordered by name then id
MATCH (n:Entity)
WHERE n.kind IN $kinds
RETURN n
ORDER BY n.name, n.id
