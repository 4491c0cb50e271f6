// coFunderSharesIds: each other organisation that funds something an organisation funds, and how many things both fund (its id and name rank only)
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $id (string), $period (string or null)
// returns: org, coFunder (strings), shared (int), coFunderNode (map: n_ properties)
MATCH (a:Organisation {id: $id})-[ownLine:FUNDS]->(w)<-[otherLine:FUNDS]-(b:Organisation)
WHERE b.id <> a.id AND ($period IS NULL OR (ownLine.period = $period AND otherLine.period = $period))
WITH a.id AS org, b.id AS coFunder, b.nameRank AS nameRank, count(DISTINCT w.id) AS shared
RETURN org, coFunder, shared, {n_id: coFunder, n_kind: 'Organisation', n_name: '', n_nameRank: nameRank} AS coFunderNode
