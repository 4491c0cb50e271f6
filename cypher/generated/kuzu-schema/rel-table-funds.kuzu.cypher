// relTableFunds: Kuzu relationship table for FUNDS
// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE REL TABLE IF NOT EXISTS FUNDS(FROM Organisation TO Programme, FROM Organisation TO Project, FROM Organisation TO Organisation, id STRING, kind STRING, role STRING, period STRING, periodText STRING, periodFrom STRING, periodTo STRING, periodBasis STRING, inference STRING, evSource STRING[], evLineStart INT64[], evLineEnd INT64[], evSection STRING[], tieKey INT64, fromId STRING, toId STRING, periodRank INT64, amount DOUBLE, currency STRING, fundingKind STRING, amountText STRING, jointGroup STRING, breakdownOf STRING, lineRole STRING, qualifier STRING, status STRING, conflictGroup STRING, ordersApart INT64)
