// derivePeriodRanks: gives every relationship the rank of its period among the graph's periods in text order, from 1, and one after the last to every relationship with no period (it sorts last ascending)
// params: none
// returns: nothing
// Neo4j has no list_position: a period's rank is found in the short list of periods. Relationships
// are matched from their start node so that a load's staged variant (labels renamed) sees its own only.
// The ranks are set in transactions of 20,000 (a load runs derive statements on their own, never
// inside a transaction): setting a million in one ran out of a 2 GB heap's transaction memory.
MATCH (:Entity)-[r]->()
WHERE r.period IS NOT NULL
WITH DISTINCT r.period AS period ORDER BY period
WITH collect(period) AS periods
MATCH (:Entity)-[e]->()
CALL (e, periods) {
  SET e.periodRank = CASE WHEN e.period IS NULL THEN size(periods) + 1 ELSE [i IN range(0, size(periods) - 1) WHERE periods[i] = e.period][0] + 1 END
} IN TRANSACTIONS OF 20000 ROWS
