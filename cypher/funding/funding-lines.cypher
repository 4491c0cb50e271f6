// fundingLines: every funding line (FUNDS relationship) with its funder's and recipient's id, kind and name, for the funding export
// params: none
// returns: funder, funderKind, funderName, recipient, recipientKind, recipientName (strings), r (relationship: every property and its evidence), ordered by r.id
// One statement for the whole file: the database walks each line once and orders it, and both ends
// come with it (no second read per node). Kinds are the stored `kind` property, which repeats the
// label, so one text serves both engines.
MATCH (f:Organisation)-[r:FUNDS]->(t)
RETURN f.id AS funder, f.kind AS funderKind, f.name AS funderName,
  t.id AS recipient, t.kind AS recipientKind, t.name AS recipientName, r
ORDER BY r.id
