// metricValueIndex: range index for Metric pages in value order
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX metric_value_index IF NOT EXISTS FOR (n:Metric) ON (n.value, n.nameRank)
