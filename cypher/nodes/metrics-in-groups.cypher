// metricsInGroups: the metrics of each of a batch of conflict groups, by name
// params: $groups (list of string, never empty)
// returns: conflictGroup (string), id (string)
MATCH (n:Metric)
WHERE n.conflictGroup IN $groups
RETURN n.conflictGroup AS conflictGroup, n.id AS id
ORDER BY n.nameRank
