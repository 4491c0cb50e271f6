import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { graphToJson } from '../../src/export/graph-json.js';
import { MODEL_HASH } from '../../src/model/model-hash.js';
import type { GraphData, NodeRecord } from '../../src/model/records.js';
import { checkSeeds, loadSeeds } from '../../src/seed/load-seeds.js';
import { createCypherStore } from '../../src/store/cypher-store.js';
import { StoreError } from '../../src/store/errors.js';
import { graphDataSource } from '../../src/store/graph-source.js';
import { currentDatabase } from '../../src/store/kuzu/kuzu-data-dir.js';
import { KuzuExecutor } from '../../src/store/kuzu/kuzu-executor.js';
import { openStore } from '../../src/store/open-store.js';
import type { GraphStore } from '../../src/store/port.js';
import { loadQueries, type Query } from '../../src/store/queries.js';
import { runCli } from '../support/cli.js';
import { ENGINES_UNDER_TEST, type Engine, FIXTURE_SEEDS, tempDir, testEnv } from '../support/env.js';
import { silentLog } from '../support/store.js';

/** Every load takes the bulk path on Kuzu (a new database, COPY, then a switch); the defaults. */
const BULK = {};

let generated = '';
let reference = '';

beforeAll(async () => {
  generated = `${tempDir('generated')}/seeds`;
  const made = await runCli(['generate', '--relationships', '20000', '--seed', '7', '--out', generated], {});
  expect(made.code, made.stderr).toBe(0);
  reference = graphToJson(checkSeeds(generated).graph);
}, 300_000);

/** Opens a store of `engine` with these settings; Neo4j's is emptied first, as each test starts from nothing. */
async function open(
  engine: Engine,
  overrides: Record<string, string>,
): Promise<{ store: GraphStore; dataDir: string }> {
  const env = testEnv(engine, overrides);
  const store = await openStore(loadConfig(env), silentLog);
  if (engine === 'neo4j') await store.replaceGraph({ nodes: [], edges: [] }, 'empty');
  return { store, dataDir: env['HLP_DATA_DIR'] ?? '' };
}

async function exportAfterLoad(
  engine: Engine,
  overrides: Record<string, string>,
): Promise<{ json: string; dataDir: string }> {
  const { store, dataDir } = await open(engine, overrides);
  try {
    await loadSeeds(store, generated, silentLog);
    // On Kuzu a load builds a new database and points the data directory at it.
    if (engine === 'kuzu') expect(currentDatabase(dataDir)).not.toBe('hlp.kuzu');
    return { json: graphToJson(await store.readGraph()), dataDir };
  } finally {
    await store.close();
  }
}

/** A statement of a test's own, outside the cypher/ tree. */
function adHoc(name: string, text: string): Query {
  return { name, file: `(test) ${name}`, variant: 'kuzu', description: name, params: [], returns: '', text };
}

/**
 * Every stored column of every node and relationship of a Kuzu store, derived ones included (the
 * export leaves out what loads derive), in id order.
 */
async function storedRows(dataDir: string): Promise<string> {
  const config = loadConfig(testEnv('kuzu', { HLP_DATA_DIR: dataDir }));
  const executor = await KuzuExecutor.open(config.kuzu, loadQueries('kuzu'), MODEL_HASH, silentLog);
  try {
    const nodes = await executor.read(
      adHoc('allNodes', 'MATCH (n) WHERE n.kind IS NOT NULL RETURN n ORDER BY n.id'),
      {},
    );
    const edges = await executor.read(adHoc('allEdges', 'MATCH ()-[r]->() RETURN r ORDER BY r.id'), {});
    return JSON.stringify({ nodes, edges }, null, 1);
  } finally {
    await executor.close();
  }
}

/** The first line where two exports differ, for a readable failure instead of two 13 MB strings. */
function firstDifference(a: string, b: string): string | null {
  const left = a.split('\n');
  const right = b.split('\n');
  const i = left.findIndex((line, n) => line !== right[n]);
  if (i === -1) return left.length === right.length ? null : `lengths ${left.length} and ${right.length}`;
  return `line ${i + 1}: ${left[i]} | ${right[i]}`;
}

describe.each(ENGINES_UNDER_TEST)('bulk loads on %s', (engine) => {
  it('a generated graph of 20,000 relationships loads on the bulk path and exports exactly what the seeds give', async () => {
    const bulk = await exportAfterLoad(engine, BULK);
    expect(JSON.parse(bulk.json).edges).toHaveLength(20_000);
    expect(firstDifference(bulk.json, reference)).toBeNull();
    // Loading the same seeds again into another store stores the same rows, derived ones included.
    if (engine === 'kuzu') {
      const again = await exportAfterLoad(engine, BULK);
      expect(firstDifference(await storedRows(bulk.dataDir), await storedRows(again.dataDir))).toBeNull();
    }
  }, 900_000);

  it('the bulk path stores every value exactly: quotes, commas, line breaks, backslashes, empty strings and lists', async () => {
    const fixture = checkSeeds(FIXTURE_SEEDS).graph;
    const tricky = (n: NodeRecord, i: number): NodeRecord =>
      i % 3 === 0
        ? {
            ...n,
            name:
              [
                `He said "no", then left`,
                'two\nlines\r\nand a return\r',
                'back\\slash \\N and \u241f inside',
                '',
              ][i % 4] ?? '',
            aliases: [['a, b', '"q"'], [''], ['x', ''], []][i % 4] ?? [],
          }
        : n;
    const graph: GraphData = { nodes: fixture.nodes.map(tricky), edges: fixture.edges };
    const { store } = await open(engine, BULK);
    try {
      await store.replaceGraph(graph, 'tricky');
      // Compared as exported: every fact of every record (what loads derive is not part of it).
      expect(graphToJson(await store.readGraph())).toBe(graphToJson(graph));
    } finally {
      await store.close();
    }
  }, 300_000);

  it('when a bulk load fails, the store keeps what it had and no staged database is left', async () => {
    const fixture = checkSeeds(FIXTURE_SEEDS);
    const { store, dataDir } = await open(engine, BULK);
    try {
      await store.replaceGraph(fixture.graph, fixture.hash);
      const before = await store.readGraph();
      const files = engine === 'kuzu' ? readdirSync(dataDir).sort() : [];
      // A relationship whose end is missing: found while the new graph is staged.
      const broken: GraphData = { nodes: fixture.graph.nodes.slice(0, 5), edges: fixture.graph.edges };
      await expect(store.replaceGraph(broken, 'broken')).rejects.toBeInstanceOf(StoreError);
      // A value no COPY file can carry (Kuzu), refused before anything is copied.
      const reserved: GraphData = {
        nodes: fixture.graph.nodes.map((n, i) => (i === 3 ? { ...n, name: '\u241f' } : n)),
        edges: fixture.graph.edges,
      };
      if (engine === 'kuzu')
        await expect(store.replaceGraph(reserved, 'reserved')).rejects.toBeInstanceOf(StoreError);
      expect(await store.readGraph()).toEqual(before);
      expect((await store.graphVersion())?.seedHash).toBe(fixture.hash);
      if (engine === 'kuzu') expect(readdirSync(dataDir).sort()).toEqual(files);
    } finally {
      await store.close();
    }
  }, 300_000);
});

describe('bulk loads on kuzu while the store serves reads', () => {
  let store: GraphStore;
  let dataDir = '';

  beforeAll(async () => {
    ({ store, dataDir } = await open('kuzu', BULK));
  });
  afterAll(async () => {
    await store?.close();
  });

  it('another process cannot open the store a bulk load switched to: STORE_LOCKED', async () => {
    const fixture = checkSeeds(FIXTURE_SEEDS);
    await store.replaceGraph(fixture.graph, fixture.hash);
    expect(currentDatabase(dataDir)).not.toBe('hlp.kuzu');
    const other = await runCli(['export', '--format', 'json'], testEnv('kuzu', { HLP_DATA_DIR: dataDir }));
    expect(other.code).toBe(1);
    expect(other.stderr).toContain(
      `STORE_LOCKED: the embedded store at ${dataDir} is in use by another process`,
    );
  }, 300_000);

  it('reads running while a load switches databases finish, later reads see the new graph, and the old database is gone', async () => {
    const fixture = checkSeeds(FIXTURE_SEEDS);
    await store.replaceGraph(fixture.graph, fixture.hash);
    const first = currentDatabase(dataDir);
    const seeds = checkSeeds(generated);
    let loading = true;
    let reads = 0;
    const reader = (async () => {
      // Every read either sees the old graph or the new one, and none fails or crashes the process
      // (a Kuzu result still open when its database closes would).
      while (loading) {
        const version = await store.graphVersion();
        expect([fixture.hash, seeds.hash]).toContain(version?.seedHash);
        const [organisations] = await store.countsByKinds(['Organisation']);
        expect(organisations).toBeGreaterThan(0);
        reads++;
      }
    })();
    await store.loadGraph(graphDataSource(seeds.graph), seeds.hash);
    loading = false;
    await reader;
    expect(reads).toBeGreaterThan(0);
    expect((await store.graphVersion())?.seedHash).toBe(seeds.hash);
    expect(graphToJson(await store.readGraph())).toBe(reference);
    const now = currentDatabase(dataDir);
    expect(now).not.toBe(first);
    expect(existsSync(`${dataDir}/${first}`)).toBe(false);
    expect(readdirSync(dataDir).filter((f) => f.endsWith('.kuzu'))).toEqual([now]);
  }, 600_000);
});

describe('a bulk-loaded kuzu store under another model', () => {
  it('is rebuilt empty when it is opened under a new model hash, and is then loaded like any other', async () => {
    const env = testEnv('kuzu', BULK);
    const config = loadConfig(env);
    const queries = loadQueries('kuzu');
    const fixture = checkSeeds(FIXTURE_SEEDS);
    const first = createCypherStore(
      await KuzuExecutor.open(config.kuzu, queries, 'model-a', silentLog),
      'model-a',
    );
    await first.replaceGraph(fixture.graph, fixture.hash);
    expect((await first.graphVersion())?.seedHash).toBe(fixture.hash);
    await first.close();
    const second = createCypherStore(
      await KuzuExecutor.open(config.kuzu, queries, 'model-b', silentLog),
      'model-b',
    );
    try {
      expect(await second.graphVersion()).toBeNull();
      expect((await second.readGraph()).nodes).toEqual([]);
      await second.replaceGraph(fixture.graph, fixture.hash);
      expect((await second.graphVersion())?.seedHash).toBe(fixture.hash);
      expect(readdirSync(config.kuzu.dataDir).filter((f) => f.endsWith('.kuzu'))).toEqual([
        currentDatabase(config.kuzu.dataDir),
      ]);
    } finally {
      await second.close();
    }
  }, 300_000);
});
