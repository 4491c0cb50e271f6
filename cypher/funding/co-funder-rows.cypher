// coFunderRows: for each of the organisations, every other organisation that funds a node it funds
// params: $ids (list of string, never empty)
// returns: org (string), coFunder (string), via (string), mine (its FUNDS), theirs (the co-funder's FUNDS)
MATCH (a:Organisation)-[mine:FUNDS]->(w)<-[theirs:FUNDS]-(b:Organisation)
WHERE a.id IN $ids AND b.id <> a.id
RETURN a.id AS org, b.id AS coFunder, w.id AS via, mine, theirs
