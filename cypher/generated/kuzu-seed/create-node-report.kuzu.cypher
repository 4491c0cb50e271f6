// createNodeReport: writes one Report node
// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit
// params: $id, $kind, $name, $aliases, $evSource, $evLineStart, $evLineEnd, $evSection, $source, $period, $published
// returns: nothing
CREATE (:Report {id: $id, kind: $kind, name: $name, aliases: $aliases, evSource: $evSource, evLineStart: $evLineStart, evLineEnd: $evLineEnd, evSection: $evSection, source: $source, period: $period, published: $published})
