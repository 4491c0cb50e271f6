// deriveNameRanksStaged: deriveNameRanks on a load's staged graph
// generated from cypher/derive/derive-name-ranks.neo4j.cypher by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
MATCH (n:StagedEntity)
WITH n ORDER BY n.sortName, n.id
WITH collect(n) AS nodes
UNWIND range(0, size(nodes) - 1) AS i
WITH nodes[i] AS n, i
SET n.nameRank = i + 1
