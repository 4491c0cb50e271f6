// stagedEntityId: a load's staged nodes are looked up by id as its relationships are written, and an id is staged once
// params: none
// returns: nothing
CREATE CONSTRAINT staged_entity_id IF NOT EXISTS FOR (n:StagedEntity) REQUIRE n.id IS UNIQUE
