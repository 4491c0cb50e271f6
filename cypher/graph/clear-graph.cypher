// clearGraph: deletes every node and relationship, graph metadata included (inside the load transaction)
// params: none
// returns: nothing
MATCH (n)
DETACH DELETE n
