// relTablePartnersWith: Kuzu relationship table for PARTNERS_WITH
// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE REL TABLE IF NOT EXISTS PARTNERS_WITH(FROM Organisation TO Programme, FROM Organisation TO Project, FROM Organisation TO Organisation, id STRING, kind STRING, role STRING, period STRING, periodText STRING, periodFrom STRING, periodTo STRING, periodBasis STRING, inference STRING, evSource STRING[], evLineStart INT64[], evLineEnd INT64[], evSection STRING[], tieKey INT64, fromId STRING, toId STRING, periodRank INT64)
