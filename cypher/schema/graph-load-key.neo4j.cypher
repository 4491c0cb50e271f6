// graphLoadKey: one load lease, so that two loaders asking for it at once cannot both create it
// params: none
// returns: nothing
CREATE CONSTRAINT graph_load_key IF NOT EXISTS FOR (l:GraphLoad) REQUIRE l.key IS UNIQUE
