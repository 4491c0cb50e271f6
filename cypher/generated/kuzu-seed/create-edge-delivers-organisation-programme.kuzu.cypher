// createEdgeDeliversOrganisationProgramme: writes one DELIVERS relationship from one Organisation to one Programme
// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit
// params: $from, $to, $id, $kind, $role, $period, $evSource, $evLineStart, $evLineEnd, $evSection
// returns: created (1, or 0 when an endpoint is missing)
MATCH (a:Organisation {id: $from}), (b:Programme {id: $to})
CREATE (a)-[r:DELIVERS {id: $id, kind: $kind, role: $role, period: $period, evSource: $evSource, evLineStart: $evLineStart, evLineEnd: $evLineEnd, evSection: $evSection}]->(b)
RETURN count(r) AS created
