// setGraphMeta: sets one metadata entry
// params: $key (string), $value (string)
// returns: nothing
MERGE (m:GraphMeta {metaKey: $key})
SET m.metaValue = $value
