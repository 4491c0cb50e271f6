// deriveNameRanks: numbers every node in name order (sortName, then id) from 1: the unique numeric key every page sorts by
// params: none
// returns: nothing
// Kuzu lists are 1-based. The id is projected before the second MATCH so that Kuzu joins on it
// (matching on ids[i] directly is a filter over a cross product).
MATCH (n)
WHERE n.sortName IS NOT NULL
WITH n ORDER BY n.sortName, n.id SKIP 0
WITH collect(n.id) AS ids
UNWIND range(1, size(ids)) AS i
WITH i, ids[i] AS nodeId
MATCH (m)
WHERE m.id = nodeId
SET m.nameRank = i
