// createNodesOrganisation: writes a batch of Organisation nodes
// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit
// params: $rows (list of maps: every property as text, or null; lists joined by U+241F)
// returns: nothing
UNWIND $rows AS r
CREATE (:Organisation {id: r.id, kind: r.kind, name: r.name, aliases: string_split(r.aliases, '␟'), evSource: string_split(r.evSource, '␟'), evLineStart: list_transform(string_split(r.evLineStart, '␟'), x -> CAST(x AS INT64)), evLineEnd: list_transform(string_split(r.evLineEnd, '␟'), x -> CAST(x AS INT64)), evSection: string_split(r.evSection, '␟'), category: r.category})
