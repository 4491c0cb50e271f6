// createEdgesLeadsOrganisationOrganisation: writes a batch of LEADS relationships from Organisation to Organisation nodes
// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit
// params: $rows (list of maps: every property as text, or null; lists joined by U+241F), each with from and to ids
// returns: created (fewer than the rows when an endpoint is missing)
UNWIND $rows AS r
MATCH (a:Organisation {id: r.from}), (b:Organisation {id: r.to})
CREATE (a)-[e:LEADS {id: r.id, kind: r.kind, role: r.role, period: r.period, evSource: string_split(r.evSource, '␟'), evLineStart: list_transform(string_split(r.evLineStart, '␟'), x -> CAST(x AS INT64)), evLineEnd: list_transform(string_split(r.evLineEnd, '␟'), x -> CAST(x AS INT64)), evSection: string_split(r.evSection, '␟')}]->(b)
RETURN count(e) AS created
