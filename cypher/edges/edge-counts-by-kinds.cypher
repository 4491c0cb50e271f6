// edgeCountsByKinds: how many relationships there are of each of the given kinds (kinds with none are absent)
// params: $kinds (list of string, never empty)
// returns: kind (string), count (int)
MATCH ()-[r]->()
WHERE r.kind IN $kinds
RETURN r.kind AS kind, count(r) AS count
