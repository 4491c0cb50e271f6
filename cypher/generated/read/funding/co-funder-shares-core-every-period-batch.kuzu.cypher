// coFunderSharesCoreEveryPeriodBatch: each other organisation that funds something an organisation funds, and how many things both fund (its core properties only), of every period, for a batch of organisations
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $ids (list of string, never empty)
// returns: org, coFunder (strings), shared (int), coFunderNode (map: n_ properties)
MATCH (a:Organisation)-[ownLine:FUNDS]->(w)<-[otherLine:FUNDS]-(b:Organisation)
WHERE b.id <> a.id AND a.id IN $ids
HINT (((a JOIN ownLine) JOIN w) JOIN otherLine) JOIN b
WITH a.id AS org, b.id AS coFunder, b.name AS name, b.nameRank AS nameRank, count(DISTINCT w.id) AS shared
RETURN org, coFunder, shared, {n_id: coFunder, n_kind: 'Organisation', n_name: name, n_nameRank: nameRank} AS coFunderNode
