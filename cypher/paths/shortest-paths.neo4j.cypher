// shortestPaths: the shortest connections between two nodes over the relationships between actors and
// their work (figures' MEASURES and EVIDENCES links are not connections), at most 6 hops
// params: $from, $to (string), $maxHops (int, 1 to 6), $limit (int)
// returns: nodeIds (list of string, in path order), edgeIds (list of string, in path order)
// Neo4j: allShortestPaths() with a fixed upper bound (a bound cannot be a parameter); $maxHops filters.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[:FUNDS|LEADS|DELIVERS|PARTNERS_WITH|CHAIRS|WORKS_FOR|PART_OF|CONTINUES_AS|COMMENTED_ON|WON|AIMS_AT*..6]-(b))
WHERE length(p) <= $maxHops
RETURN [n IN nodes(p) | n.id] AS nodeIds, [r IN relationships(p) | r.id] AS edgeIds
LIMIT $limit
