// createEdgesFundsOrganisationProject: writes a batch of FUNDS relationships from Organisation to Project nodes
// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit
// params: $rows (list of maps: every property as text, or null; lists joined by U+241F), each with from and to ids
// returns: created (fewer than the rows when an endpoint is missing)
UNWIND $rows AS r
MATCH (a:Organisation {id: r.from}), (b:Project {id: r.to})
CREATE (a)-[e:FUNDS {id: r.id, kind: r.kind, role: r.role, period: r.period, evSource: string_split(r.evSource, '␟'), evLineStart: list_transform(string_split(r.evLineStart, '␟'), x -> CAST(x AS INT64)), evLineEnd: list_transform(string_split(r.evLineEnd, '␟'), x -> CAST(x AS INT64)), evSection: string_split(r.evSection, '␟'), amount: CAST(r.amount AS DOUBLE), currency: r.currency, fundingKind: r.fundingKind, amountText: r.amountText, breakdownOf: r.breakdownOf, lineRole: r.lineRole, qualifier: r.qualifier, status: r.status, conflictGroup: r.conflictGroup}]->(b)
RETURN count(e) AS created
