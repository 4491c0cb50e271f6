// deriveNameRanks: numbers every node in name order (sortName, then id) from 1: the unique numeric key every page sorts by
// params: none
// returns: nothing
MATCH (n:Entity)
WITH n ORDER BY n.sortName, n.id
WITH collect(n) AS nodes
UNWIND range(0, size(nodes) - 1) AS i
WITH nodes[i] AS n, i
SET n.nameRank = i + 1
