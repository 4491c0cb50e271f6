// graphMetaKey: one metadata node per key
// params: none
// returns: nothing
CREATE CONSTRAINT graph_meta_key IF NOT EXISTS FOR (m:GraphMeta) REQUIRE m.metaKey IS UNIQUE
