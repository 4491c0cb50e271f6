// derivePeriodRanks: gives every relationship the rank of its period among the graph's periods in text order, from 1, and one after the last to every relationship with no period (it sorts last ascending)
// params: none
// returns: nothing
// Neo4j has no list_position: a period's rank is found in the short list of periods.
MATCH ()-[r]->()
WHERE r.period IS NOT NULL
WITH DISTINCT r.period AS period ORDER BY period
WITH collect(period) AS periods
MATCH ()-[e]->()
SET e.periodRank = CASE WHEN e.period IS NULL THEN size(periods) + 1 ELSE [i IN range(0, size(periods) - 1) WHERE periods[i] = e.period][0] + 1 END
