import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EDGE_MODEL } from '../../src/model/graph-model.js';
import { parsePeriod } from '../../src/model/periods.js';
import type { GraphData } from '../../src/model/records.js';
import { ENGINES_UNDER_TEST, ROOT } from '../support/env.js';
import { loadedStore } from '../support/harness.js';

/**
 * The HLP graph as the store holds it keeps the content rules of seeds/DECISIONS.md: every dated
 * fact has a period the model reads, one node per real thing, every organisation tied to something,
 * every inferred relationship says why.
 */
describe.each(ENGINES_UNDER_TEST)('the HLP graph’s content rules on %s', (engine) => {
  const { store } = loadedStore(engine, { seeds: 'real' });
  let graph: GraphData;
  const decisions = readFileSync(join(ROOT, 'seeds/DECISIONS.md'), 'utf8');

  beforeAll(async () => {
    graph = await store.readGraph();
  });

  it('gives every metric and every dated relationship a period, with the months it spans and where it comes from', () => {
    const dated = [
      ...graph.nodes.filter((n) => n.kind === 'Metric').map((n) => ({ id: n.id, p: n.properties })),
      ...graph.edges
        .filter((e) => !EDGE_MODEL[e.kind].periodOfFigure)
        .map((e) => ({ id: e.id, p: e.properties })),
    ];
    expect(dated.length).toBeGreaterThan(1500);
    const undated = dated.filter(({ p }) => typeof p['period'] !== 'string').map(({ id }) => id);
    expect(undated).toEqual([]);
    for (const { id, p } of dated) {
      const span = parsePeriod(String(p['period']));
      expect(span, id).not.toBeNull();
      expect([p['periodFrom'], p['periodTo']], id).toEqual([span?.from, span?.to]);
      expect(['stated', 'report'], id).toContain(p['periodBasis']);
    }
    // Both bases occur: the reports date many facts and leave many to their report's period.
    const bases = new Set(dated.map(({ p }) => p['periodBasis']));
    expect([...bases].sort()).toEqual(['report', 'stated']);
  });

  it('has no two nodes of one kind and name, but the statements of one figure (a conflict group)', () => {
    const byName = new Map<string, { id: string; group: unknown }[]>();
    for (const n of graph.nodes) {
      const key = `${n.kind}: ${n.name.toLowerCase()}`;
      byName.set(key, [
        ...(byName.get(key) ?? []),
        { id: n.id, group: n.properties['conflictGroup'] ?? null },
      ]);
    }
    const shared = [...byName].filter(([, nodes]) => nodes.length > 1);
    for (const [key, nodes] of shared) {
      const oneFigure = nodes[0]?.group !== null && nodes.every((n) => n.group === nodes[0]?.group);
      const explained = nodes.every((n) => decisions.includes(n.id));
      expect(oneFigure || explained, `${key}: ${nodes.map((n) => n.id).join(', ')}`).toBe(true);
    }
  });

  it('ties every organisation to something, and says why of every inferred relationship', () => {
    const tied = new Set(graph.edges.flatMap((e) => [e.from, e.to]));
    const lone = graph.nodes.filter((n) => n.kind === 'Organisation' && !tied.has(n.id)).map((n) => n.id);
    expect(lone).toEqual([]);
    const inferred = graph.edges.filter((e) => e.properties['inference'] !== null);
    expect(inferred.length).toBeGreaterThan(0);
    for (const e of inferred) expect(String(e.properties['inference']).length, e.id).toBeGreaterThan(20);
  });

  it('flags the figures of one group an order of magnitude apart', () => {
    const flagged = graph.nodes.filter((n) => Number(n.properties['ordersApart'] ?? 0) >= 1);
    expect(flagged.length).toBeGreaterThan(0);
    for (const n of flagged) {
      const group = graph.nodes.filter(
        (m) => m.properties['conflictGroup'] === n.properties['conflictGroup'],
      );
      const values = group.map((m) => Number(m.properties['value']));
      expect(Math.max(...values) / Math.min(...values), n.id).toBeGreaterThanOrEqual(10);
      expect(n.properties['status'], n.id).toBe('conflicting');
    }
  });
});
