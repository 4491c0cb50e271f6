import { join } from 'node:path';
import kuzu from 'kuzu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlinedParams, inlineParams } from '../../src/store/kuzu/inline-params.js';
import { KUZU_QUERIES } from '../../src/store/kuzu/kuzu-executor.js';
import { loadQueries } from '../../src/store/queries.js';
import { tempDir } from '../support/env.js';

// Every text Kuzu would run is prepared (parsed, bound and planned) on a real Kuzu store that has
// the model's tables, so a query that names a missing property or uses syntax Kuzu lacks fails here.
const queries = loadQueries('kuzu');
const ddl = new Set(KUZU_QUERIES);

describe('every Kuzu text prepares on a real Kuzu store', () => {
  let db: InstanceType<typeof kuzu.Database>;
  let connection: InstanceType<typeof kuzu.Connection>;

  beforeAll(async () => {
    db = new kuzu.Database(join(tempDir('prepare'), 'db'), 128 * 1024 * 1024, true, false, 1 << 30);
    connection = new kuzu.Connection(db);
    for (const name of KUZU_QUERIES) {
      const result = await connection.query(queries.get(name).text);
      for (const r of Array.isArray(result) ? result : [result]) r.close();
    }
  });
  afterAll(async () => {
    await connection.close();
    await db.close();
  });

  it.each(
    queries
      .all()
      .filter((q) => !ddl.has(q.name))
      .map((q) => [q.file, q] as const),
  )('%s', async (_file, query) => {
    // A text with values written in (inline-params.ts) is prepared as the adapter runs it.
    const sample = Object.fromEntries(inlinedParams(query).map((p) => [p, ['org.a', 'org.a>org.b']]));
    const prepared = await connection.prepare(inlineParams(query, sample).text);
    expect(prepared.getErrorMessage()).toBe('');
    expect(prepared.isSuccess()).toBe(true);
  });

  it('values written into a text are ids or steps, never anything that could end a literal', () => {
    const query = queries.get('shortestPathsAvoiding');
    expect(inlineParams(query, { avoid: ['org.a'], avoidSteps: [], from: 'x' })).toMatchObject({
      params: { from: 'x' },
    });
    expect(inlineParams(query, { avoid: ['org.a'], avoidSteps: [] }).text).toContain("IN ['org.a']");
    expect(inlineParams(query, { avoid: ['org.a'], avoidSteps: [] }).text).toContain(
      'IN CAST([] AS STRING[])',
    );
    for (const bad of ["org.a'] OR true //", 'org a', '', 7]) {
      expect(() => inlineParams(query, { avoid: [bad], avoidSteps: [] })).toThrow(/not a node id/);
    }
    expect(() => inlineParams(query, { avoid: 'org.a', avoidSteps: [] })).toThrow(/must be a list/);
  });

  it('the check can fail: a text Kuzu cannot bind is refused', async () => {
    const prepared = await connection.prepare('MATCH (n:Organisation) RETURN n.noSuchProperty');
    expect(prepared.isSuccess()).toBe(false);
  });
});
