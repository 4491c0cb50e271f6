// networkTies: the relationships that tie an organisation to a programme or project, of some kinds and one period, with what the network analysis needs of both ends
// params: $tieKinds (list of relationship kinds, never empty), $period (string or null: every period)
// returns: org, orgName, orgCategory, work, workKind, workName, workCategory (strings), id, kind, period, currency, conflictGroup, jointGroup, lineRole (strings), amount (float), ordered by id
// The analysis reads only these columns (not every property and evidence list of the whole graph):
// a projection costs what its ties cost. Kuzu reads the four relationship tables named here and
// resolves a property a table lacks (amount on LEADS) as null.
MATCH (a:Organisation)-[r:FUNDS|LEADS|DELIVERS|PARTNERS_WITH]->(b:Programme:Project)
WHERE r.kind IN $tieKinds AND ($period IS NULL OR r.period = $period)
RETURN a.id AS org, a.name AS orgName, a.category AS orgCategory,
  b.id AS work, b.kind AS workKind, b.name AS workName, b.category AS workCategory,
  r.id AS id, r.kind AS kind, r.period AS period, r.amount AS amount, r.currency AS currency,
  r.conflictGroup AS conflictGroup, r.jointGroup AS jointGroup, r.lineRole AS lineRole
ORDER BY id
