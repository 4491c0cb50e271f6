import { DOMParser, type Element } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphToGexf } from '../../src/export/graph-gexf.js';
import { graphToJson } from '../../src/export/graph-json.js';
import type { GraphData } from '../../src/model/records.js';
import { checkSeeds } from '../../src/seed/load-seeds.js';
import { callCounter } from '../support/counting-store.js';
import { ENGINES_UNDER_TEST, FIXTURE_SEEDS } from '../support/env.js';
import { validateGexf13 } from '../support/gexf-schema.js';
import { servedGraph } from '../support/harness.js';

interface GexfElement {
  readonly attributes: Readonly<Record<string, string>>;
  readonly values: Readonly<Record<string, string>>;
}

/** The <node>s or <edge>s of a GEXF document by id: their XML attributes and their attvalues. */
function gexfElements(text: string, tag: 'node' | 'edge'): Map<string, GexfElement> {
  const doc = new DOMParser().parseFromString(text, 'text/xml');
  const found = new Map<string, GexfElement>();
  for (const element of Array.from(doc.getElementsByTagName(tag)) as Element[]) {
    const attributes = Object.fromEntries(Array.from(element.attributes).map((a) => [a.name, a.value]));
    const values = Object.fromEntries(
      (Array.from(element.getElementsByTagName('attvalue')) as Element[]).map((v) => [
        v.getAttribute('for') ?? '',
        v.getAttribute('value') ?? '',
      ]),
    );
    found.set(attributes['id'] ?? '', { attributes, values });
  }
  return found;
}

/** The declared attribute columns of one class, id -> type. */
function gexfColumns(text: string, forClass: 'node' | 'edge'): Record<string, string> {
  const doc = new DOMParser().parseFromString(text, 'text/xml');
  const block = (Array.from(doc.getElementsByTagName('attributes')) as Element[]).find(
    (a) => a.getAttribute('class') === forClass,
  );
  return Object.fromEntries(
    (Array.from(block?.getElementsByTagName('attribute') ?? []) as Element[]).map((a) => [
      a.getAttribute('id') ?? '',
      a.getAttribute('type') ?? '',
    ]),
  );
}

// The fixture graph: 16 nodes of every kind but Place, 16 relationships of most kinds.
const FIXTURE = checkSeeds(FIXTURE_SEEDS).graph;
const FUNDING_LINE = 'funds:org.alpha-ccgs:prog.mind:2019/20:core';

describe('the validator the GEXF tests rely on', () => {
  it('accepts a minimal GEXF 1.3 document and rejects broken ones, saying where', async () => {
    const minimal = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph mode="dynamic" timeformat="date">
    <nodes><node id="a" label="A" start="2019-04-01" end="2020-03-31"/><node id="b"/></nodes>
    <edges><edge id="e" source="a" target="b" type="directed"/></edges>
  </graph>
</gexf>`;
    expect(await validateGexf13(minimal)).toEqual({ valid: true, errors: [] });

    const sideways = await validateGexf13(minimal.replace('type="directed"', 'type="sideways"'));
    expect(sideways.valid).toBe(false);
    expect(sideways.errors.join('\n')).toContain(
      "Element '{http://gexf.net/1.3}edge', attribute 'type': [facet 'enumeration'] The value 'sideways' is not an element of the set {'directed', 'undirected', 'mutual'}.",
    );
    // A GEXF 1.2 document is not a 1.3 one, however well formed.
    const older = await validateGexf13(minimal.replace('version="1.3"', 'version="1.2"'));
    expect(older.valid).toBe(false);
    const undated = await validateGexf13(minimal.replace('2020-03-31', 'March 2020'));
    expect(undated.valid).toBe(false);
    expect(undated.errors.join('\n')).toContain("attribute 'end'");
    const unclosed = await validateGexf13(minimal.replace('</gexf>', ''));
    expect(unclosed.valid).toBe(false);
  });
});

describe('the GEXF of names no XML escapes by accident', () => {
  it('escapes markup, drops characters XML 1.0 cannot hold, and keeps the rest of Unicode', async () => {
    const name = 'Alpha & <Beta> "CCGs"\u0001 \uD800ok 😀';
    const awkward: GraphData = {
      nodes: FIXTURE.nodes.map((n) => (n.id === 'org.alpha-ccgs' ? { ...n, name } : n)),
      edges: FIXTURE.edges,
    };
    const text = graphToGexf(awkward);
    expect(await validateGexf13(text)).toEqual({ valid: true, errors: [] });
    expect(gexfElements(text, 'node').get('org.alpha-ccgs')?.attributes['label']).toBe(
      'Alpha & <Beta> "CCGs" ok 😀',
    );
  });
});

describe.each(ENGINES_UNDER_TEST)('downloads of the whole graph on %s', (engine) => {
  const counting = callCounter();
  const api = servedGraph(engine, { seeds: 'fixture', wrap: counting.wrap });
  let graph: GraphData;

  beforeAll(async () => {
    graph = await api.store.readGraph();
  });

  it('serves /export/graph.json as a download: the CLI export of the open store, every node and relationship', async () => {
    const response = await api.fetch('/export/graph.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="hlp-graph.json"');
    const text = await response.text();
    expect(text).toBe(graphToJson(graph));
    const doc = JSON.parse(text) as { nodes: { id: string }[]; edges: { id: string }[] };
    expect([doc.nodes.length, doc.edges.length]).toEqual([FIXTURE.nodes.length, FIXTURE.edges.length]);
    expect([doc.nodes.length, doc.edges.length]).toEqual([16, 16]);
  });

  it('serves /export/graph.gexf as a download that the official GEXF 1.3 schema accepts', async () => {
    const response = await api.fetch('/export/graph.gexf');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/gexf+xml; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="hlp-graph.gexf"');
    const text = await response.text();
    expect(await validateGexf13(text, 'hlp-graph.gexf')).toEqual({ valid: true, errors: [] });
    expect(text).toMatch(/<graph mode="dynamic" timeformat="date"/);
  });

  it('puts every node and every relationship in the GEXF once, ordered by id, with its kind and seed id', async () => {
    const text = await (await api.fetch('/export/graph.gexf')).text();
    const nodes = gexfElements(text, 'node');
    const edges = gexfElements(text, 'edge');
    const sorted = (ids: string[]) => [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect([...nodes.keys()]).toEqual(sorted(graph.nodes.map((n) => n.id)));
    expect([...edges.keys()]).toEqual(sorted(graph.edges.map((e) => e.id)));
    expect(new Set([...nodes.values()].map((n) => n.values['kind']))).toEqual(
      new Set(['Report', 'Organisation', 'Programme', 'Project', 'Person', 'Award', 'Metric', 'Outcome']),
    );
    for (const e of graph.edges) {
      expect(edges.get(e.id)?.attributes, e.id).toMatchObject({ source: e.from, target: e.to, kind: e.kind });
      expect(edges.get(e.id)?.values, e.id).toMatchObject({ kind: e.kind, seedId: e.id });
    }
    expect(nodes.get('org.alpha-ccgs')).toEqual({
      attributes: { id: 'org.alpha-ccgs', label: 'Alpha CCGs' },
      values: { kind: 'Organisation', seedId: 'org.alpha-ccgs', category: 'ccg' },
    });
  });

  it('declares each attribute with its type: amounts and values as doubles, years as integers', async () => {
    const text = await (await api.fetch('/export/graph.gexf')).text();
    expect(gexfColumns(text, 'node')).toMatchObject({
      kind: 'string',
      seedId: 'string',
      category: 'string',
      period: 'string',
      year: 'integer',
      value: 'double',
    });
    expect(gexfColumns(text, 'edge')).toMatchObject({
      kind: 'string',
      role: 'string',
      period: 'string',
      amount: 'double',
      currency: 'string',
      fundingKind: 'string',
      lineRole: 'string',
    });
  });

  it('gives a funding line a directed edge with its amount, period and the dates its financial year spans', async () => {
    const text = await (await api.fetch('/export/graph.gexf')).text();
    const line = gexfElements(text, 'edge').get(FUNDING_LINE);
    expect(line?.attributes).toEqual({
      id: FUNDING_LINE,
      source: 'org.alpha-ccgs',
      target: 'prog.mind',
      type: 'directed',
      kind: 'FUNDS',
      label: 'FUNDS',
      start: '2019-04-01',
      end: '2020-03-31',
    });
    expect(line?.values).toMatchObject({
      kind: 'FUNDS',
      period: '2019/20',
      amount: '562000',
      currency: 'GBP',
      fundingKind: 'core',
      amountText: '£562,000',
    });
    const funding = [...gexfElements(text, 'edge').values()].filter((e) => e.attributes['kind'] === 'FUNDS');
    expect(funding).toHaveLength(graph.edges.filter((e) => e.kind === 'FUNDS').length);
    for (const f of funding) expect(f.attributes['type']).toBe('directed');
    // Alpha's 45,000.50 from Beta keeps its pence.
    expect(funding.map((f) => f.values['amount'])).toContain('45000.5');
  });

  it('leaves partnerships undirected and every other relationship directed', async () => {
    const text = await (await api.fetch('/export/graph.gexf')).text();
    const types = new Map<string, Set<string>>();
    for (const e of gexfElements(text, 'edge').values()) {
      const kind = e.attributes['kind'] ?? '';
      types.set(kind, (types.get(kind) ?? new Set()).add(e.attributes['type'] ?? ''));
    }
    expect(types.get('PARTNERS_WITH')).toEqual(new Set(['undirected']));
    for (const [kind, seen] of types)
      if (kind !== 'PARTNERS_WITH') expect(seen, kind).toEqual(new Set(['directed']));
  });

  it('dates nodes by their period (a range of years, an award year) and leaves the undated without an interval', async () => {
    const text = await (await api.fetch('/export/graph.gexf')).text();
    const nodes = gexfElements(text, 'node');
    // "2015 to 2020": the first day of 2015 to the last day of 2020.
    expect(nodes.get('metric.calm-app-users-a')?.attributes).toMatchObject({
      start: '2015-01-01',
      end: '2020-12-31',
    });
    expect(nodes.get('award.test-award-2019')?.attributes).toMatchObject({
      start: '2019-01-01',
      end: '2019-12-31',
    });
    expect(nodes.get('award.test-award-2019')?.values).toMatchObject({ year: '2019', result: 'won' });
    // The five-year report states no period: it is in the graph at every time.
    expect(nodes.get('report.test-five-year')?.attributes).toEqual({
      id: 'report.test-five-year',
      label: 'Test five-year report',
    });
    // Every dated edge is dated from its own period, and only those.
    const edges = gexfElements(text, 'edge');
    for (const e of graph.edges) {
      const dated = edges.get(e.id)?.attributes['start'] !== undefined;
      expect(dated, e.id).toBe(typeof e.properties['period'] === 'string');
    }
  });

  it('renders each download once per graph version: later downloads do not read the graph again', async () => {
    counting.reset();
    const first = await (await api.fetch('/export/graph.gexf')).text();
    await api.fetch('/export/graph.json');
    // Once each at most (none when a test above already downloaded them under this version).
    expect(counting.calls.get('readGraph') ?? 0).toBeLessThanOrEqual(2);
    counting.reset();
    for (let i = 0; i < 3; i++) {
      expect(await (await api.fetch('/export/graph.gexf')).text()).toBe(first);
      expect((await api.fetch('/export/graph.json')).status).toBe(200);
    }
    // Only the graph version is asked for, to know the text is still the graph's.
    expect(counting.calls.get('readGraph') ?? 0).toBe(0);
    expect(counting.calls.get('graphVersion')).toBe(6);
  });

  it('answers HEAD with the headers of each download and no body', async () => {
    for (const [path, type] of [
      ['/export/graph.json', 'application/json; charset=utf-8'],
      ['/export/graph.gexf', 'application/gexf+xml; charset=utf-8'],
      ['/export/network.gexf?projection=two-mode', 'application/gexf+xml; charset=utf-8'],
    ] as const) {
      const response = await api.fetch(path, { method: 'HEAD' });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe(type);
      expect(response.headers.get('content-disposition'), path).toMatch(/^attachment; filename="hlp-/);
      expect(await response.text(), path).toBe('');
    }
  });

  it('answers any method but GET or HEAD with 405 and Allow: GET, HEAD', async () => {
    for (const path of ['/export/graph.json', '/export/graph.gexf']) {
      const response = await api.fetch(path, { method: 'POST', body: '{}' });
      expect(response.status, path).toBe(405);
      expect(response.headers.get('allow'), path).toBe('GET, HEAD');
    }
  });

  it('serves a network GEXF that the GEXF 1.3 schema accepts too, as it claims 1.3', async () => {
    for (const query of ['projection=two-mode&weight=count', 'projection=organisations&weight=funding']) {
      const text = await (await api.fetch(`/export/network.gexf?${query}`)).text();
      expect(text).toMatch(/<gexf [^>]*version="1.3"/);
      expect(await validateGexf13(text, 'network.gexf'), query).toEqual({ valid: true, errors: [] });
    }
  });
});

describe.each(ENGINES_UNDER_TEST)('downloads of a store that holds no graph on %s', (engine) => {
  const api = servedGraph(engine, { seeds: 'empty' });
  const { store } = api;

  it('answer 503 STORE_EMPTY rather than an empty file, and serve the graph once it is loaded', async () => {
    for (const path of ['/export/graph.json', '/export/graph.gexf']) {
      const response = await api.fetch(path);
      expect(response.status, path).toBe(503);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await response.text()).toContain('(STORE_EMPTY)');
    }
    const seeds = checkSeeds(FIXTURE_SEEDS);
    await store.replaceGraph(seeds.graph, seeds.hash);
    const json = await api.fetch('/export/graph.json');
    expect(json.status).toBe(200);
    expect(await json.text()).toBe(graphToJson(await store.readGraph()));
    const gexf = await api.fetch('/export/graph.gexf');
    expect(gexf.status).toBe(200);
    expect((await validateGexf13(await gexf.text())).valid).toBe(true);
  });
});
