// graphMetaTable: the table that holds graph metadata (not part of the graph model)
// params: none
// returns: nothing
// Its columns are named metaKey/metaValue: Kuzu gives a property one type across every table a
// pattern like (n) spans, so a STRING "value" here would turn Metric.value into text.
CREATE NODE TABLE IF NOT EXISTS GraphMeta(metaKey STRING, metaValue STRING, PRIMARY KEY (metaKey))
