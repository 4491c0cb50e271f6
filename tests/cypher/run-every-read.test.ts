import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { NODE_KINDS, type NodeKind, nodeProps } from '../../src/model/graph-model.js';
import { MODEL_HASH } from '../../src/model/model-hash.js';
import { checkSeeds } from '../../src/seed/load-seeds.js';
import { createCypherStore, storeQueryNames } from '../../src/store/cypher-store.js';
import { DERIVE_QUERIES } from '../../src/store/derive.js';
import type { CypherExecutor } from '../../src/store/executor.js';
import { KuzuExecutor } from '../../src/store/kuzu/kuzu-executor.js';
import { Neo4jExecutor } from '../../src/store/neo4j/neo4j-executor.js';
import { loadQueries } from '../../src/store/queries.js';
import { ENGINES_UNDER_TEST, type Engine, FIXTURE_SEEDS, testEnv } from '../support/env.js';
import { silentLog } from '../support/store.js';

/**
 * Every read text either engine has is run on that engine, against the fixture graph, with values
 * for each parameter its header declares: a text that parses but fails when run (a type Kuzu will
 * not compare, a function Neo4j lacks) fails here, whichever API path uses it.
 */

/** An id of the fixture graph for each kind. */
const IDS: Record<NodeKind, string> = {
  Report: 'report.test-2019-20',
  Organisation: 'org.alpha-ccgs',
  Programme: 'prog.mind',
  Project: 'proj.calm-app',
  Person: 'person.ada-lead',
  Award: 'award.test-award-2019',
  Metric: 'metric.calm-app-users-a',
  Outcome: 'outcome.calmer-londoners',
  // The fixture has no place: its texts run all the same (tests/api/periods-and-funding-lines.test.ts reads places).
  Place: 'place.none',
};

/** The node kind a generated query is about, from its name (relatedProgrammeFundsIn: Programme). */
function kindOf(name: string): NodeKind {
  return NODE_KINDS.find((k) => name.includes(k)) ?? 'Organisation';
}

function value(param: string, query: string): unknown {
  const kind = kindOf(query);
  const open: Record<string, unknown> = {
    loRank: -1,
    hiRank: Number.MAX_SAFE_INTEGER,
    loKey: /Period/.test(query) ? '' : -1e300,
    hiKey: /Period/.test(query) ? '~~~~' : 1e300,
  };
  if (/Desc$/.test(query)) {
    [open['loRank'], open['hiRank']] = [open['hiRank'], open['loRank']];
    [open['loKey'], open['hiKey']] = [open['hiKey'], open['loKey']];
  }
  const values: Record<string, unknown> = {
    id: IDS[kind],
    ids: [IDS[kind], 'org.beta-nhs'],
    parent: IDS[kind],
    parents: [IDS[kind], 'org.beta-nhs'],
    withEvidence: true,
    withCount: true,
    limit: 5,
    otherKinds: `|${NODE_KINDS.join('|')}|`,
    kinds: `|${NODE_KINDS.join('|')}|`,
    role: null,
    period: null,
    fundingKind: null,
    orderBy: 'period',
    orderConstant: 0,
    dir: -1,
    page: 1,
    lo1: -1e300,
    lo2: -1e300,
    lo3: -1e300,
    hi1: 1e300,
    hi2: 1e300,
    hi3: 1e300,
    nameContains: 'a',
    measureContains: null,
    categories: nodeProps(kind)['category']?.values ?? ['x'],
    category: null,
    minFunded: 0,
    minCoFundedOutcomes: 0,
    minFunders: 0,
    unit: null,
    status: null,
    result: null,
    year: null,
    outcome: null,
    via: null,
    partner: 'org.beta-nhs',
    funder: 'org.alpha-ccgs',
    recipient: null,
    after: null,
    before: 'funds:z',
    outcomes: ['outcome.calmer-londoners'],
    groups: ['calm-app-users'],
    sources: ['004_9bafb96c93e2c09d.txt'],
    source: '004_9bafb96c93e2c09d.txt',
    lo: -1,
    hi: Number.MAX_SAFE_INTEGER,
    from: 'org.gamma-brigade',
    to: 'org.delta-charity',
    maxHops: 4,
    avoid: ['proj.safe-visits'],
    avoidSteps: ['org.gamma-brigade>proj.safe-visits', 'proj.safe-visits>org.gamma-brigade'],
    tieKinds: ['FUNDS', 'LEADS', 'DELIVERS', 'PARTNERS_WITH'],
    ...open,
  };
  if (!(param in values)) throw new Error(`no test value for $${param} of ${query}`);
  return values[param];
}

/**
 * Reads only: the store's own reads and the reader's, and the generated reads one engine alone has
 * (open pages, co-funders of every period), which the reader uses where they exist; loads and schema
 * statements are run by the load tests.
 */
function readsOf(engine: Engine): string[] {
  const required = storeQueryNames().filter((n) => n !== 'setGraphMeta' && !DERIVE_QUERIES.includes(n));
  const generated = loadQueries(engine)
    .all()
    .filter((q) => q.file.startsWith('generated/read/') && !q.file.startsWith('generated/read/indexes/'))
    .map((q) => q.name);
  return [...new Set([...required, ...generated])];
}

describe.each(ENGINES_UNDER_TEST)('every read text runs on %s', (engine) => {
  let executor: CypherExecutor;

  beforeAll(async () => {
    const config = loadConfig(testEnv(engine));
    const queries = loadQueries(engine);
    executor =
      engine === 'kuzu'
        ? await KuzuExecutor.open(config.kuzu, queries, MODEL_HASH, silentLog)
        : await Neo4jExecutor.open(config.neo4j, queries);
    const seeds = checkSeeds(FIXTURE_SEEDS);
    await createCypherStore(executor, MODEL_HASH).replaceGraph(seeds.graph, seeds.hash);
  });
  afterAll(async () => {
    await executor?.close();
  });

  it.each(readsOf(engine))('%s', async (name) => {
    const query = executor.queries.get(name);
    const params = Object.fromEntries(query.params.map((p) => [p, value(p, name)]));
    const rows = await executor.read(query, params);
    expect(Array.isArray(rows)).toBe(true);
  });

  // Neo4j's driver hands back Integers, which the adapter turns into numbers (plain-values.ts); the
  // model stores none beyond 2^53, and Kuzu's driver gives such a value back rounded.
  it.runIf(engine === 'neo4j')(
    'integers come back as numbers, and one beyond 2^53 as its exact digits',
    async () => {
      const rows = await executor.read(
        {
          ...executor.queries.get('ping'),
          name: 'integers',
          text: 'RETURN 42 AS small, 9007199254740991 AS safe, -9007199254740991 AS low, 9007199254740993 AS big, -9007199254740993 AS negative',
        },
        {},
      );
      expect(rows).toEqual([
        {
          small: 42,
          safe: 9007199254740991,
          low: -9007199254740991,
          big: '9007199254740993',
          negative: '-9007199254740993',
        },
      ]);
    },
  );

  it('the check can fail: a text that does not run is an error', async () => {
    await expect(
      executor.read(
        { ...executor.queries.get('ping'), name: 'broken', text: 'UNWIND [1] AS x RETURN x.prop AS broken' },
        {},
      ),
    ).rejects.toThrow();
  });
});
