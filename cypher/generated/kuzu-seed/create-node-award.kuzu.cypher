// createNodeAward: writes one Award node
// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit
// params: $id, $kind, $name, $aliases, $evSource, $evLineStart, $evLineEnd, $evSection, $year, $category, $result
// returns: nothing
CREATE (:Award {id: $id, kind: $kind, name: $name, aliases: $aliases, evSource: $evSource, evLineStart: $evLineStart, evLineEnd: $evLineEnd, evSection: $evSection, year: $year, category: $category, result: $result})
