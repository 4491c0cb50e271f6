// nodesPageForward: the first $limit nodes of a kind after one (name, id) key and before another
// params: $kind (string), $afterName, $afterId, $beforeName, $beforeId (string or null), $limit (int)
// returns: n (node), ordered by name then id
MATCH (n)
WHERE n.kind = $kind
  AND ($afterName IS NULL OR n.name > $afterName OR (n.name = $afterName AND n.id > $afterId))
  AND ($beforeName IS NULL OR n.name < $beforeName OR (n.name = $beforeName AND n.id < $beforeId))
RETURN n
ORDER BY n.name, n.id
LIMIT $limit
