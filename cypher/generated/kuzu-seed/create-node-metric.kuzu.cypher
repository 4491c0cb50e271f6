// createNodeMetric: writes one Metric node
// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit
// params: $id, $kind, $name, $aliases, $evSource, $evLineStart, $evLineEnd, $evSection, $value, $unit, $valueText, $measure, $period, $qualifier, $status, $conflictGroup
// returns: nothing
CREATE (:Metric {id: $id, kind: $kind, name: $name, aliases: $aliases, evSource: $evSource, evLineStart: $evLineStart, evLineEnd: $evLineEnd, evSection: $evSection, value: $value, unit: $unit, valueText: $valueText, measure: $measure, period: $period, qualifier: $qualifier, status: $status, conflictGroup: $conflictGroup})
