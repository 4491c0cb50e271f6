import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeQueryNames } from '../../src/store/cypher-store.js';
import { CypherTreeError } from '../../src/store/errors.js';
import { KUZU_QUERIES } from '../../src/store/kuzu/kuzu-executor.js';
import { NEO4J_QUERIES } from '../../src/store/neo4j/neo4j-executor.js';
import { loadQueries, readCypherTree } from '../../src/store/queries.js';
import { ROOT } from '../support/env.js';

describe('the cypher/ tree', () => {
  it('has no problems, and every query either engine needs has a text for it', () => {
    expect(readCypherTree().problems).toEqual([]);
    expect(() => loadQueries('kuzu').require([...storeQueryNames(), ...KUZU_QUERIES])).not.toThrow();
    expect(() => loadQueries('neo4j').require([...storeQueryNames(), ...NEO4J_QUERIES])).not.toThrow();
  });

  it('strips headers and picks the engine variant', () => {
    const kuzu = loadQueries('kuzu').get('citingNodes');
    const neo4j = loadQueries('neo4j').get('citingNodes');
    expect(kuzu.variant).toBe('any');
    expect(neo4j.variant).toBe('neo4j');
    expect(kuzu.text.startsWith('MATCH (n)\n')).toBe(true);
    expect(neo4j.text.startsWith('MATCH (n:Entity)\n')).toBe(true);
    expect(kuzu.params).toEqual(['source', 'kinds', 'lo', 'hi', 'limit']);
    expect(kuzu.text).not.toContain('//');
    // Generated texts have a variant per engine where the dialects differ.
    expect(loadQueries('kuzu').get('relatedOrganisationFundsOutBatch').variant).toBe('kuzu');
    expect(loadQueries('neo4j').get('relatedOrganisationFundsOutBatch').text).toContain('CALL (p) {');
  });

  it('refuses a broken tree, naming every problem and its file', () => {
    const root = join(ROOT, 'tests/fixtures/cypher-broken');
    let error: unknown;
    try {
      loadQueries('kuzu', root);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CypherTreeError);
    const problems = (error as CypherTreeError).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^feature\/no-header\.cypher: line 1 must be a header/),
        expect.stringMatching(
          /^feature\/undeclared-param\.cypher: uses \$kind but the header does not declare it/,
        ),
        expect.stringMatching(/^feature\/two-statements\.cypher: holds more than one statement/),
        expect.stringMatching(/^feature\/wrong-name\.neo4j\.cypher: header names "somethingElse"/),
        expect.stringMatching(/^feature\/Bad_Name\.cypher: expected a name like/),
      ]),
    );
    expect(problems).toHaveLength(5);
  });

  it('fails fast when a query an engine needs has no text for it', () => {
    expect(() => loadQueries('kuzu').require(['noSuchQuery'])).toThrow(
      /no Cypher for query noSuchQuery on kuzu/,
    );
  });
});
