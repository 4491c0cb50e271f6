// countStagedNodes: how many nodes a load has staged and not switched to: none once its switch has committed
// params: none
// returns: staged (int)
MATCH (n:StagedEntity)
RETURN count(n) AS staged
