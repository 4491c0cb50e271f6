// shortestPaths: the shortest connections between two nodes over the relationships between actors and
// their work (figures' MEASURES and EVIDENCES links are not connections), at most 6 hops
// params: $from, $to (string), $maxHops (int, 1 to 6), $limit (int)
// returns: nodeIds (list of string, in path order), edgeIds (list of string, in path order)
// Kuzu: ALL SHORTEST with a fixed upper bound (a bound cannot be a parameter); $maxHops filters.
MATCH p = (a)-[:FUNDS|LEADS|DELIVERS|PARTNERS_WITH|CHAIRS|WORKS_FOR|PART_OF|CONTINUES_AS|COMMENTED_ON|WON|AIMS_AT* ALL SHORTEST 1..6]-(b)
WHERE a.id = $from AND b.id = $to AND length(p) <= $maxHops
RETURN properties(nodes(p), 'id') AS nodeIds, properties(rels(p), 'id') AS edgeIds
LIMIT $limit
