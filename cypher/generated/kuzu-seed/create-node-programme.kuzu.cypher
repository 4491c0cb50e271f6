// createNodeProgramme: writes one Programme node
// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit
// params: $id, $kind, $name, $aliases, $evSource, $evLineStart, $evLineEnd, $evSection, $period, $category
// returns: nothing
CREATE (:Programme {id: $id, kind: $kind, name: $name, aliases: $aliases, evSource: $evSource, evLineStart: $evLineStart, evLineEnd: $evLineEnd, evSection: $evSection, period: $period, category: $category})
