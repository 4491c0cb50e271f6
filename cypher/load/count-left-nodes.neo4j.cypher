// countLeftNodes: the nodes loads left behind, unseen by reads: staged and not switched to (a load that failed or was killed before its switch), and replaced and not yet deleted (one stopped after it)
// params: none
// returns: staged (int), retired (int)
// Each a count of one label: Neo4j answers them from its count store, without reading the nodes.
CALL () { MATCH (n:StagedEntity) RETURN count(n) AS staged }
CALL () { MATCH (n:RetiredEntity) RETURN count(n) AS retired }
RETURN staged, retired
