// countCitingNodes: how many nodes of the given kinds a report is evidence for
// params: $source (report file name), $kinds (the kinds, each framed by |: '|Organisation|Project|')
// returns: count (int)
MATCH (n:Entity)
WHERE $kinds CONTAINS ('|' + n.kind + '|')
  AND $source IN n.evSource
RETURN count(n) AS count
