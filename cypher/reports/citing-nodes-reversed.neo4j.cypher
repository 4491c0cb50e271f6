// citingNodesReversed: citingNodes read from the end: the page before a name rank, last first
// params: $source (report file name), $kinds (the kinds, each framed by |: '|Organisation|Project|'), $lo, $hi (name ranks), $limit (int)
// returns: id (string), nameRank (int)
MATCH (n:Entity)
WHERE $kinds CONTAINS ('|' + n.kind + '|')
  AND $source IN n.evSource
  AND n.nameRank > $lo AND n.nameRank < $hi
RETURN n.id AS id, n.nameRank AS nameRank
ORDER BY n.nameRank DESC
LIMIT $limit
