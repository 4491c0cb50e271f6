// relIdIndexCommentedOn: index on the id of COMMENTED_ON relationships
// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit
// params: none
// returns: nothing
CREATE INDEX rel_id_commented_on IF NOT EXISTS FOR ()-[r:COMMENTED_ON]-() ON (r.id)
