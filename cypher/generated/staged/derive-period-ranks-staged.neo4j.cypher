// derivePeriodRanksStaged: derivePeriodRanks on a load's staged graph
// generated from cypher/derive/derive-period-ranks.neo4j.cypher by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
MATCH (:StagedEntity)-[r]->()
WHERE r.period IS NOT NULL
WITH DISTINCT r.period AS period ORDER BY period
WITH collect(period) AS periods
MATCH (:StagedEntity)-[e]->()
CALL (e, periods) {
  SET e.periodRank = CASE WHEN e.period IS NULL THEN size(periods) + 1 ELSE [i IN range(0, size(periods) - 1) WHERE periods[i] = e.period][0] + 1 END
} IN TRANSACTIONS OF 20000 ROWS
