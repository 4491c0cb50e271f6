// derivePeriodRanks: gives every relationship the rank of its period among the graph's periods in text order, from 1, and one after the last to every relationship with no period (it sorts last ascending)
// params: none
// returns: nothing
// Kuzu: list_position is 1-based. One pass over the relationships: Kuzu 0.11.3 failed an internal
// assertion (KU_UNREACHABLE in csr_node_group.cpp) when a second statement set the ranks of the
// relationships with no period, on a generated graph of 1M relationships.
MATCH ()-[r]->()
WHERE r.period IS NOT NULL
WITH DISTINCT r.period AS period ORDER BY period SKIP 0
WITH collect(period) AS periods
MATCH ()-[e]->()
SET e.periodRank = CASE WHEN e.period IS NULL THEN size(periods) + 1 ELSE list_position(periods, e.period) END
