// coFunderSharesEveryPeriod: each other organisation that funds something an organisation funds, and how many things both fund, of every period
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $id (string)
// returns: org, coFunder (strings), shared (int), coFunderNode (map: n_ properties)
MATCH (a:Organisation {id: $id})-[ownLine:FUNDS]->(w)<-[otherLine:FUNDS]-(b:Organisation)
WHERE b.id <> a.id
WITH a, b, count(DISTINCT w.id) AS shared
RETURN a.id AS org, b.id AS coFunder, shared, {n_id: b.id, n_kind: b.kind, n_name: b.name, n_aliases: b.aliases, n_formerIds: b.formerIds, n_nameRank: b.nameRank, n_category: b.category, n_fundingGiven: b.fundingGiven, n_fundedCount: b.fundedCount, n_coFundedOutcomes: b.coFundedOutcomes} AS coFunderNode
