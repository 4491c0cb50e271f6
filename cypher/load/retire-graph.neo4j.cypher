// retireGraph: takes the served graph out of every read (Entity and its kind's label off, RetiredEntity on), in the switch transaction
// params: none
// returns: retired (int)
// Its relationships stay until deleteRetiredNodes: every read starts from a labelled node, so none
// reaches them.
MATCH (n:Entity)
REMOVE n:Entity:$(n.kind)
SET n:RetiredEntity
RETURN count(n) AS retired
