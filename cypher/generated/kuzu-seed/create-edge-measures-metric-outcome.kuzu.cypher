// createEdgeMeasuresMetricOutcome: writes one MEASURES relationship from one Metric to one Outcome
// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit
// params: $from, $to, $id, $kind, $role, $period, $evSource, $evLineStart, $evLineEnd, $evSection
// returns: created (1, or 0 when an endpoint is missing)
MATCH (a:Metric {id: $from}), (b:Outcome {id: $to})
CREATE (a)-[r:MEASURES {id: $id, kind: $kind, role: $role, period: $period, evSource: $evSource, evLineStart: $evLineStart, evLineEnd: $evLineEnd, evSection: $evSection}]->(b)
RETURN count(r) AS created
