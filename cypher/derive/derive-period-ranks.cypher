// derivePeriodRanks: gives every relationship with a period the rank of its period among the graph's periods in text order, from 1
// params: none
// returns: nothing
// Kuzu: list_position is 1-based. deriveUnknownPeriodRanks ranks the relationships with no period.
MATCH ()-[r]->()
WHERE r.period IS NOT NULL
WITH DISTINCT r.period AS period ORDER BY period SKIP 0
WITH collect(period) AS periods
MATCH ()-[e]->()
WHERE e.period IS NOT NULL
SET e.periodRank = list_position(periods, e.period)
