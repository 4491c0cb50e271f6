// deriveUnknownPeriodRanks: ranks relationships with no period after every period, so they sort last in ascending order
// params: none
// returns: nothing
MATCH ()-[r]->()
WHERE r.period IS NOT NULL
WITH count(DISTINCT r.period) AS known
MATCH ()-[e]->()
WHERE e.period IS NULL
SET e.periodRank = known + 1
