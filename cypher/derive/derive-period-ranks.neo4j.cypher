// derivePeriodRanks: gives every relationship with a period the rank of its period among the graph's periods in text order, from 1
// params: none
// returns: nothing
// deriveUnknownPeriodRanks ranks the relationships with no period.
MATCH ()-[r]->()
WHERE r.period IS NOT NULL
WITH DISTINCT r.period AS period ORDER BY period
WITH collect(period) AS periods
UNWIND range(0, size(periods) - 1) AS i
WITH periods[i] AS period, i
MATCH ()-[e]->()
WHERE e.period = period
SET e.periodRank = i + 1
