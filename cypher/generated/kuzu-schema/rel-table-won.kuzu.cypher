// relTableWon: Kuzu relationship table for WON
// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE REL TABLE IF NOT EXISTS WON(FROM Project TO Award, FROM Programme TO Award, FROM Organisation TO Award, FROM Person TO Award, id STRING, kind STRING, role STRING, period STRING, periodText STRING, periodFrom STRING, periodTo STRING, periodBasis STRING, inference STRING, evSource STRING[], evLineStart INT64[], evLineEnd INT64[], evSection STRING[], tieKey INT64, fromId STRING, toId STRING, periodRank INT64)
