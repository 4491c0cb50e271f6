// citingNodes: one page of the nodes a report is evidence for, by name, strictly between two name ranks
// params: $source (report file name), $kinds (the kinds, each framed by |: '|Organisation|Project|'), $lo, $hi (name ranks), $limit (int)
// returns: id (string), nameRank (int)
MATCH (n)
WHERE $kinds CONTAINS ('|' + n.kind + '|')
  AND $source IN n.evSource
  AND n.nameRank > $lo AND n.nameRank < $hi
RETURN n.id AS id, n.nameRank AS nameRank
ORDER BY n.nameRank ASC
LIMIT $limit
