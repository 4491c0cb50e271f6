// coFunderSharesEveryPeriodBatch: each other organisation that funds something an organisation funds, and how many things both fund, of every period, for a batch of organisations
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $ids (list of string, never empty)
// returns: org, coFunder (strings), shared (int), coFunderNode (map: n_ properties)
MATCH (a:Organisation)-[ownLine:FUNDS]->(w)<-[otherLine:FUNDS]-(b:Organisation)
WHERE b.id <> a.id AND a.id IN $ids
HINT (((a JOIN ownLine) JOIN w) JOIN otherLine) JOIN b
WITH a, b, count(DISTINCT w.id) AS shared
RETURN a.id AS org, b.id AS coFunder, shared, {n_id: b.id, n_kind: b.kind, n_name: b.name, n_aliases: b.aliases, n_formerIds: b.formerIds, n_nameRank: b.nameRank, n_category: b.category, n_fundingGiven: b.fundingGiven, n_fundedCount: b.fundedCount, n_coFundedOutcomes: b.coFundedOutcomes} AS coFunderNode
