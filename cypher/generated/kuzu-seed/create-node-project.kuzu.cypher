// createNodeProject: writes one Project node
// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit
// params: $id, $kind, $name, $aliases, $evSource, $evLineStart, $evLineEnd, $evSection, $category, $period
// returns: nothing
CREATE (:Project {id: $id, kind: $kind, name: $name, aliases: $aliases, evSource: $evSource, evLineStart: $evLineStart, evLineEnd: $evLineEnd, evSection: $evSection, category: $category, period: $period})
