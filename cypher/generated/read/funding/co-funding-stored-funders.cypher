// coFundingStoredFunders: per outcome that funding reaches, how many organisations fund it as the load stored it, narrowed to one outcome when asked (coFundingFunders with no $via and no $period)
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $outcome (string or null)
// returns: outcome (string), funders (int: organisations whose funding reaches it)
MATCH (x:Outcome)
WHERE ($outcome IS NULL OR x.id = $outcome) AND x.funderCount > 0
RETURN x.id AS outcome, x.funderCount AS funders
