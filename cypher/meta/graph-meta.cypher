// graphMeta: the graph's metadata entries (seed hash, model hash, load time)
// params: none
// returns: key (string), value (string)
MATCH (m:GraphMeta)
RETURN m.metaKey AS key, m.metaValue AS value
