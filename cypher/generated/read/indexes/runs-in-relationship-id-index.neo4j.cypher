// runsInRelationshipIdIndex: index for looking RUNS_IN relationships up by id
// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX runs_in_relationship_id_index IF NOT EXISTS FOR ()-[r:RUNS_IN]-() ON (r.id)
