// countsByKinds: how many nodes there are of each of the given kinds (kinds with none are absent)
// params: $kinds (list of string)
// returns: kind (string), count (int)
MATCH (n)
WHERE n.kind IN $kinds
RETURN n.kind AS kind, count(n) AS count
