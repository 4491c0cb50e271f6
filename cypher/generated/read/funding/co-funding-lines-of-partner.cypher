// coFundingLinesOfPartner: every funding line that reaches an outcome one organisation’s funding reaches: the outcomes it co-funds, with all their funders
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: $partner (string), $via, $period (string or null each), $withEvidence (boolean)
// returns: outcome, via (the node funded), contributor (the node aiming at the outcome), status (aimed or achieved), funder (strings), line (map: e_ properties of the FUNDS relationship)
MATCH (me:Organisation {id: $partner})-[m:FUNDS]->(w0)
WHERE $period IS NULL OR m.period = $period
WITH DISTINCT w0
MATCH (w0)<-[:PART_OF*0..1]-(c0)-[:AIMS_AT]->(x:Outcome)
WHERE (c0.id = w0.id OR (w0.kind = 'Programme' AND c0.kind = 'Project'))
WITH DISTINCT x
MATCH (f:Organisation)-[r:FUNDS]->(w)<-[:PART_OF*0..1]-(c)-[a:AIMS_AT]->(x)
WHERE (c.id = w.id OR (w.kind = 'Programme' AND c.kind = 'Project'))
  AND ($via IS NULL OR w.id = $via OR c.id = $via)
  AND ($period IS NULL OR r.period = $period)
RETURN x.id AS outcome, w.id AS via, c.id AS contributor, a.status AS status, f.id AS funder, {e_id: r.id, e_kind: r.kind, e_role: r.role, e_period: r.period, e_periodText: r.periodText, e_periodFrom: r.periodFrom, e_periodTo: r.periodTo, e_periodBasis: r.periodBasis, e_inference: r.inference, e_tieKey: r.tieKey, e_periodRank: r.periodRank, e_amount: r.amount, e_currency: r.currency, e_fundingKind: r.fundingKind, e_amountText: r.amountText, e_jointGroup: r.jointGroup, e_breakdownOf: r.breakdownOf, e_lineRole: r.lineRole, e_qualifier: r.qualifier, e_status: r.status, e_conflictGroup: r.conflictGroup, e_ordersApart: r.ordersApart, e_evSource: CASE WHEN $withEvidence THEN r.evSource ELSE NULL END, e_evLineStart: CASE WHEN $withEvidence THEN r.evLineStart ELSE NULL END, e_evLineEnd: CASE WHEN $withEvidence THEN r.evLineEnd ELSE NULL END, e_evSection: CASE WHEN $withEvidence THEN r.evSection ELSE NULL END} AS line
