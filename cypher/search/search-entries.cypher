// searchEntries: every node's id, kind, name and aliases: what search matches against
// params: none
// returns: id, kind, name (strings), aliases (list of string)
MATCH (n)
WHERE n.sortName IS NOT NULL
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.aliases AS aliases
