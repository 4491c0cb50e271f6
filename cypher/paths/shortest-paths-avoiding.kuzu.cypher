// shortestPathsAvoiding: the shortest connections between two nodes that pass through none of the
// given nodes and take none of the given steps (how alternative routes are found), over the same
// relationships as shortestPaths
// params: $from, $to (string), $maxHops (int, 1 to 6), $avoid (list of node ids), $avoidSteps (list of "id>id", both ways round), $limit (int)
// returns: nodeIds (list of string, in path order), edgeIds (list of string, in path order)
// Kuzu: a predicate on the relationships inside the pattern prunes the search, so these are the
// shortest paths of the graph without those relationships; one on the nodes does not (Kuzu 0.11
// gives the whole graph's shortest paths that pass it, none when all of them pass an avoided node),
// hence the fromId and toId every relationship stores. Kuzu 0.11 binds no parameter inside the
// pattern: its adapter writes $avoid and $avoidSteps into the text as literal lists
// (src/store/kuzu/inline-params.ts).
MATCH p = (a)-[:FUNDS|LEADS|DELIVERS|PARTNERS_WITH|CHAIRS|WORKS_FOR|PART_OF|CONTINUES_AS|COMMENTED_ON|WON|AIMS_AT* ALL SHORTEST 1..6 (r, n | WHERE NOT r.fromId IN $avoid AND NOT r.toId IN $avoid AND NOT concat(r.fromId, '>', r.toId) IN $avoidSteps)]-(b)
WHERE a.id = $from AND b.id = $to AND length(p) <= $maxHops
RETURN properties(nodes(p), 'id') AS nodeIds, properties(rels(p), 'id') AS edgeIds
LIMIT $limit
