// metricIdIndex: index for looking Metric nodes up by id
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX metric_id_index IF NOT EXISTS FOR (n:Metric) ON (n.id)
