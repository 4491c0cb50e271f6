import { MultiGraph, UndirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { callCounter } from '../support/counting-store.js';
import { ENGINES_UNDER_TEST, FIXTURE_SEEDS, tempDir, testEnv } from '../support/env.js';
import { servedGraph } from '../support/harness.js';

const NETWORK = `query($projection: NetworkProjection!, $weight: NetworkWeight!) {
  network(projection: $projection, weight: $weight) {
    inputs { projection weight period kinds seed graphVersion algorithms { name parameters { name value } } }
    summary { nodes edges components communities diameter }
    nodes(first: 10) { edges { node { node { id name } degree weightedDegree pagerank betweenness community articulationPoint } } }
    communities { id size members { name } }
    edges { source { name } target { name } weight ties bridge }
    bridges { source { name } target { name } }
    articulationPoints { name }
    similarity { a { name } b { name } jaccard shared }
  }
}`;

interface NetworkData {
  network: {
    inputs: { projection: string; weight: string; seed: number; graphVersion: string; kinds: string[] };
    summary: { nodes: number; edges: number; components: number; communities: number };
    nodes: {
      edges: {
        node: {
          node: { name: string };
          weightedDegree: number;
          community: number;
          articulationPoint: boolean;
        };
      }[];
    };
    communities: { id: number; size: number; members: { name: string }[] }[];
    edges: {
      source: { name: string };
      target: { name: string };
      weight: number;
      ties: number;
      bridge: boolean;
    }[];
    bridges: unknown[];
    articulationPoints: { name: string }[];
    similarity: { a: { name: string }; b: { name: string }; jaccard: number; shared: number }[];
  };
}

describe.each(ENGINES_UNDER_TEST)('the network over GraphQL and HTTP on %s', (engine) => {
  const counting = callCounter();
  const api = servedGraph(engine, { seeds: 'fixture', wrap: counting.wrap });

  it('projects the two funders of a shared programme into one weighted organisation network, stating its inputs', async () => {
    const data = await api.gqlData<NetworkData>(NETWORK, { projection: 'ORGANISATIONS', weight: 'FUNDING' });
    const { network } = data;
    expect(network.inputs).toMatchObject({
      projection: 'ORGANISATIONS',
      weight: 'FUNDING',
      seed: 42,
      kinds: ['FUNDS', 'LEADS', 'DELIVERS'],
    });
    expect(network.inputs.graphVersion).toMatch(/^[0-9a-f]{32}$/);
    expect(network.summary).toEqual({ nodes: 2, edges: 1, components: 1, communities: 1, diameter: 1 });
    // Alpha and Beta both fund the Mind programme: 562,000 + 45,000.50 flow into what they share.
    expect(network.edges).toEqual([
      {
        source: { name: 'Alpha CCGs' },
        target: { name: 'Beta NHS Region' },
        weight: 607000.5,
        ties: 1,
        bridge: true,
      },
    ]);
    expect(network.similarity).toEqual([
      { a: { name: 'Alpha CCGs' }, b: { name: 'Beta NHS Region' }, jaccard: 0.5, shared: 1 },
    ]);
  });

  it('builds the two-mode network of organisations and the work they fund, lead or deliver', async () => {
    const data = await api.gqlData<NetworkData>(NETWORK, { projection: 'TWO_MODE', weight: 'COUNT' });
    const names = data.network.edges.map((e) => `${e.source.name} - ${e.target.name} (${e.ties})`).sort();
    expect(names).toEqual([
      'Alpha CCGs - Body Programme (1)',
      'Alpha CCGs - Mind Programme (1)',
      'Beta NHS Region - Mind Programme (1)',
      'Gamma Fire Brigade - Safe Visits (1)',
    ]);
    expect(data.network.summary).toMatchObject({ nodes: 6, edges: 4, components: 2 });
    expect(data.network.articulationPoints.map((p) => p.name).sort()).toEqual([
      'Alpha CCGs',
      'Mind Programme',
    ]);
  });

  it('computes each network once per graph version, then answers from the cache', async () => {
    counting.reset();
    const first = await api.gqlData<NetworkData>(NETWORK, { projection: 'TWO_MODE', weight: 'COUNT' });
    const second = await api.gqlData<NetworkData>(NETWORK, { projection: 'TWO_MODE', weight: 'COUNT' });
    expect(second).toEqual(first);
    expect(counting.calls.get('readNetworkTies') ?? 0).toBe(0);
  });

  it('refuses a tie kind that is not one with BAD_USER_INPUT', async () => {
    const result = await api.gql(`{ network(kinds: [MEASURES]) { summary { nodes } } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain(
      'expected some of FUNDS, LEADS, DELIVERS, PARTNERS_WITH; got MEASURES',
    );
  });

  it('serves a GEXF 1.3 file that declares every attribute and loads back with the same counts', async () => {
    const response = await api.fetch('/export/network.gexf?projection=two-mode&weight=count');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/gexf+xml; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="hlp-network-two-mode-count.gexf"',
    );
    const text = await response.text();
    expect(text).toMatch(/<gexf [^>]*xmlns="http:\/\/gexf.net\/1.3"/);
    expect(text).toMatch(/<gexf [^>]*version="1.3"/);
    // allowUndeclaredAttributes is off by default: an undeclared attribute would make this throw.
    const graph = parseGexf(UndirectedGraph, text);
    expect(graph.order).toBe(6);
    expect(graph.size).toBe(4);
    expect(graph.getNodeAttributes('org.alpha-ccgs')).toMatchObject({
      label: 'Alpha CCGs',
      degree: 2,
      articulationPoint: true,
    });
  });

  it('serves GraphML and CSV that hold the same network', async () => {
    const graphml = await (
      await api.fetch('/export/network.graphml?projection=two-mode&weight=count')
    ).text();
    const graph = parseGraphml(UndirectedGraph, graphml);
    expect([graph.order, graph.size]).toEqual([6, 4]);
    const nodes = await api.fetch('/export/nodes.csv?projection=two-mode&weight=count');
    expect(nodes.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = (await nodes.text()).trim().split('\r\n');
    expect(rows[0]).toBe(
      'Id,Label,kind,category,degree,weightedDegree,betweenness,closeness,eigenvector,pagerank,community,component,articulationPoint',
    );
    expect(rows).toHaveLength(7);
    const edges = (await (await api.fetch('/export/edges.csv?projection=two-mode&weight=count')).text())
      .trim()
      .split('\r\n');
    expect(edges).toHaveLength(5);
  });

  it('answers an empty projection (a period with no ties) with an empty network, in GraphQL and every export', async () => {
    for (const projection of ['ORGANISATIONS', 'TWO_MODE']) {
      const data = await api.gqlData<{
        network: { summary: { nodes: number; edges: number }; edges: unknown[] };
      }>(
        `query($p: NetworkProjection!) { network(projection: $p, period: "2099/00") { summary { nodes edges } edges { weight } } }`,
        { p: projection },
      );
      expect(data.network.summary).toEqual({ nodes: 0, edges: 0 });
      expect(data.network.edges).toEqual([]);
    }
    for (const path of ['network.gexf', 'network.graphml', 'network.md', 'nodes.csv', 'edges.csv']) {
      const response = await api.fetch(`/export/${path}?projection=two-mode&period=2099/00`);
      expect(response.status, path).toBe(200);
    }
    const gexf = await (await api.fetch('/export/network.gexf?period=2099/00')).text();
    // No edges to say the graph is undirected: read it as any graph.
    expect(parseGexf(MultiGraph, gexf).order).toBe(0);
  });

  it('answers a bad export request with 400 and what was wrong', async () => {
    const response = await api.fetch('/export/network.gexf?projection=three-mode');
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('projection="three-mode": expected two-mode or organisations');
  });

  it('names every bad parameter of an export request at once', async () => {
    const response = await api.fetch('/export/nodes.csv?projection=three-mode&kinds=funds,measures&seed=x');
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toContain('projection="three-mode": expected two-mode or organisations');
    expect(text).toContain('seed="x": expected a whole number');
    expect(text).toContain(
      'kinds="funds,measures": expected some of FUNDS, LEADS, DELIVERS, PARTNERS_WITH; got MEASURES',
    );
  });
});

describe('hlp-graph analyse', () => {
  it('prints a readable report with progress on the terminal, and writes GEXF and CSV files', async () => {
    const env = testEnv('kuzu', { HLP_SEEDS_DIR: FIXTURE_SEEDS });
    expect((await runCli(['load'], env)).code).toBe(0);
    const md = await runCli(
      ['analyse', '--projection', 'two-mode', '--weight', 'count', '--format', 'md'],
      env,
    );
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('# HLP partnership network');
    expect(md.stdout).toContain('| 6 | 4 |');
    expect(md.stdout).toContain('## Communities (Louvain)');
    expect(md.stderr).toMatch(/\[\d+\.\d s\] centrality measures/);
    const dir = tempDir('analyse');
    const gexf = await runCli(
      [
        'analyse',
        '--projection',
        'two-mode',
        '--weight',
        'count',
        '--format',
        'gexf',
        '--out',
        `${dir}/n.gexf`,
      ],
      env,
    );
    expect(gexf.code).toBe(0);
    const { readFileSync } = await import('node:fs');
    expect(parseGexf(UndirectedGraph, readFileSync(`${dir}/n.gexf`, 'utf8')).order).toBe(6);
    const csv = await runCli(['analyse', '--format', 'csv', '--out', dir], env);
    expect(csv.code).toBe(0);
    expect(readFileSync(`${dir}/nodes.csv`, 'utf8').split('\n')[0]).toMatch(/^Id,Label,/);
    const empty = await runCli(['analyse', '--period', '2099/00', '--format', 'md'], env);
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stdout).toContain('# HLP partnership network');
    const nowhere = await runCli(['analyse', '--format', 'csv'], env);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('analyse --format csv writes nodes.csv and edges.csv: give --out DIR');
    const bad = await runCli(['analyse', '--weight', 'heavy'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('weight="heavy": expected funding or count');
  });
});
