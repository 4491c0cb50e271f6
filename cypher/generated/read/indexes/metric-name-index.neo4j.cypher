// metricNameIndex: range index for Metric pages in name order
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX metric_name_index IF NOT EXISTS FOR (n:Metric) ON (n.nameRank)
