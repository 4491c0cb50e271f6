// searchEntries: every node's id, kind, name and aliases, and how many relationships it has: what the
// search index is built from (once per graph version), the degree ranking equal matches by importance
// params: none
// returns: id, kind, name (strings), aliases (list of string), degree (int)
MATCH (n:Entity)
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.aliases AS aliases, COUNT { (n)--() } AS degree
