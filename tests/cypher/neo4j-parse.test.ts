import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { describe, expect, it } from 'vitest';
import { loadQueries, type Query } from '../../src/store/queries.js';

/**
 * Neo4j's own Cypher parser and semantic analysis (the language server's linter). Parameters the
 * header declares are given to it, so an undeclared one is an error here as well.
 */
function neo4jProblems(query: Pick<Query, 'text' | 'params'>): string[] {
  const parameters = Object.fromEntries(query.params.map((p) => [p, null]));
  const diagnostics = lintCypherQuery(query.text, { parameters });
  return diagnostics.filter((d) => d.severity === 1).map((d) => `${d.message} at offset ${d.offsets.start}`);
}

const queries = loadQueries('neo4j').all();

describe("every text Neo4j would run passes Neo4j's Cypher parser", () => {
  it.each(queries.map((q) => [q.file, q] as const))('%s', (_file, query) => {
    expect(neo4jProblems(query)).toEqual([]);
  });

  it('the check can fail: broken Cypher and an undeclared parameter are errors', () => {
    expect(neo4jProblems({ text: 'MATCH (n WHERE RETURN n', params: [] })).not.toEqual([]);
    expect(neo4jProblems({ text: 'MATCH (n) WHERE n.id = $id RETURN n', params: [] })).not.toEqual([]);
    expect(neo4jProblems({ text: 'MATCH (n) WHERE n.id = $id RETURN n', params: ['id'] })).toEqual([]);
  });
});
