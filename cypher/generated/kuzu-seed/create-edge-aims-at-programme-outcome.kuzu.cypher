// createEdgeAimsAtProgrammeOutcome: writes one AIMS_AT relationship from one Programme to one Outcome
// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit
// params: $from, $to, $id, $kind, $role, $period, $evSource, $evLineStart, $evLineEnd, $evSection, $status
// returns: created (1, or 0 when an endpoint is missing)
MATCH (a:Programme {id: $from}), (b:Outcome {id: $to})
CREATE (a)-[r:AIMS_AT {id: $id, kind: $kind, role: $role, period: $period, evSource: $evSource, evLineStart: $evLineStart, evLineEnd: $evLineEnd, evSection: $evSection, status: $status}]->(b)
RETURN count(r) AS created
