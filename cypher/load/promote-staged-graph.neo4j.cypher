// promoteStagedGraph: makes the staged graph the served one (its labels swapped for Entity and the kind's), in the switch transaction after retireGraph
// params: none
// returns: promoted (int)
MATCH (n:StagedEntity)
REMOVE n:StagedEntity:$('Staged' + n.kind)
SET n:Entity:$(n.kind)
RETURN count(n) AS promoted
