// nodeTableMetric: Kuzu node table for Metric
// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE NODE TABLE IF NOT EXISTS Metric(id STRING, kind STRING, name STRING, aliases STRING[], formerIds STRING[], evSource STRING[], evLineStart INT64[], evLineEnd INT64[], evSection STRING[], sortName STRING, searchText STRING, nameRank INT64, value DOUBLE, valueHigh DOUBLE, unit STRING, valueText STRING, measure STRING, period STRING, periodText STRING, periodFrom STRING, periodTo STRING, periodBasis STRING, qualifier STRING, status STRING, conflictGroup STRING, ordersApart INT64, PRIMARY KEY (id))
