import { describe, expect, it } from 'vitest';
import { DERIVE_QUERIES } from '../../src/store/derive.js';
import { stagedDeriveQueryName, stagedText } from '../../src/store/generated-cypher.js';
import { loadQueries } from '../../src/store/queries.js';

/**
 * A Neo4j load derives on its staged graph with texts made by renaming labels (stagedText). A text
 * that reached past the staged graph would write derived values into the served graph while
 * readers read it, or into a replaced one: the renaming refuses every form it cannot rename.
 */
describe('the staged variants of the derive statements', () => {
  it('rename every node label of a pattern, alternatives included, and leave relationship types', () => {
    expect(
      stagedText(
        't',
        'MATCH (w:Programme|Project)<-[r:FUNDS]-(o:Organisation)\nOPTIONAL MATCH (w)-[:AIMS_AT]->(x:Outcome)\nMATCH (:Entity)-[e]->()',
      ),
    ).toBe(
      'MATCH (w:StagedProgramme|StagedProject)<-[r:FUNDS]-(o:StagedOrganisation)\nOPTIONAL MATCH (w)-[:AIMS_AT]->(x:StagedOutcome)\nMATCH (:StagedEntity)-[e]->()',
    );
  });

  it('refuse a label the model does not have', () => {
    expect(() => stagedText('t', 'MATCH (n:GraphMeta) SET n.x = 1')).toThrow(
      't: no staged label for GraphMeta',
    );
  });

  it('refuse a MATCH that starts from no staged label and no bound variable', () => {
    expect(() =>
      stagedText('t', 'MATCH (o:Organisation)\nWITH count(o) AS n\nMATCH ()-[e]->()\nSET e.x = n'),
    ).toThrow('MATCH ()-[e]->() starts from no staged label');
    expect(() => stagedText('t', 'MATCH (n:!Organisation) SET n.x = 1')).toThrow(
      'starts from no staged label',
    );
  });

  it('refuse label tests and label writes outside patterns, which the renaming does not see', () => {
    expect(() => stagedText('t', 'MATCH (n:Entity) WHERE n:Organisation SET n.x = 1')).toThrow(
      'n:Organisation tests or sets a label outside a pattern',
    );
    expect(() => stagedText('t', 'MATCH (n:Entity) SET n:Organisation')).toThrow('outside a pattern');
    expect(() => stagedText('t', 'MATCH (n:Entity) WHERE n IS Organisation SET n.x = 1')).toThrow(
      'outside a pattern',
    );
  });

  it('are what the Neo4j tree holds for every derive statement, and read only staged labels', () => {
    const queries = loadQueries('neo4j');
    for (const name of DERIVE_QUERIES) {
      const staged = queries.get(stagedDeriveQueryName(name)).text;
      expect(staged, name).toBe(stagedText(name, queries.get(name).text));
      const labels = [...staged.matchAll(/\(\w*:([\w|]+)/g)].flatMap((m) => (m[1] ?? '').split('|'));
      expect(labels.length, name).toBeGreaterThan(0);
      expect(
        labels.filter((l) => !l.startsWith('Staged')),
        name,
      ).toEqual([]);
    }
  });
});
