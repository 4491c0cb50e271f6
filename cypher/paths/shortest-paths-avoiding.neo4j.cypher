// shortestPathsAvoiding: the shortest connections between two nodes that pass through none of the
// given nodes and take none of the given steps (how alternative routes are found), over the same
// relationships as shortestPaths
// params: $from, $to (string), $maxHops (int, 1 to 6), $avoid (list of node ids), $avoidSteps (list of "id>id", both ways round), $limit (int)
// returns: nodeIds (list of string, in path order), edgeIds (list of string, in path order)
// Neo4j: none() over nodes(p) and relationships(p) is checked while allShortestPaths() searches, so
// these are the shortest paths of the graph without them, not the shortest paths filtered afterwards.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[:FUNDS|LEADS|DELIVERS|PARTNERS_WITH|CHAIRS|WORKS_FOR|PART_OF|CONTINUES_AS|COMMENTED_ON|WON|AIMS_AT*..6]-(b))
WHERE length(p) <= $maxHops
  AND none(n IN nodes(p) WHERE n.id IN $avoid)
  AND none(r IN relationships(p) WHERE r.fromId + '>' + r.toId IN $avoidSteps)
RETURN [n IN nodes(p) | n.id] AS nodeIds, [r IN relationships(p) | r.id] AS edgeIds
LIMIT $limit
