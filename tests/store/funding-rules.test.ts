import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sumFundingLines } from '../../src/model/funding-lines.js';
import type { EdgeRecord, GraphData } from '../../src/model/records.js';
import { groupCoFunding } from '../../src/services/co-funding.js';
import type { GraphStore } from '../../src/store/port.js';
import { ENGINES } from '../helpers/env.js';
import { openRealStore } from '../helpers/store.js';

/**
 * Funding is summed in three places that must agree: the totals the store derives at load
 * (cypher/derive/), the totals it sums when asked (cypher/funding/), and the lines a read returned,
 * summed by model/funding-lines.ts. On the HLP graph, whose conflict groups and breakdowns are real,
 * all three give the same figures for every organisation, programme and project.
 */
describe.each(ENGINES)('one funding rule everywhere on %s', (engine) => {
  let store: GraphStore;
  let graph: GraphData;
  const funds = (pick: (e: EdgeRecord) => boolean) =>
    graph.edges.filter((e) => e.kind === 'FUNDS' && pick(e));

  beforeAll(async () => {
    store = await openRealStore(engine);
    graph = await store.readGraph();
  });
  afterAll(async () => {
    await store?.close();
  });

  it('funding given: stored at load, summed on request and summed in Node agree', async () => {
    const organisations = graph.nodes.filter((n) => n.kind === 'Organisation').map((n) => n.id);
    const stored = await store.nodesByIds(organisations, false);
    const asked = new Map((await store.fundingTotals({ groupBy: 'funder' })).map((r) => [r.key, r]));
    let funders = 0;
    organisations.forEach((id, i) => {
      const lines = funds((e) => e.from === id);
      const inNode = sumFundingLines(lines);
      const targets = new Set(lines.filter((e) => e.properties['lineRole'] !== 'total').map((e) => e.to));
      expect(stored[i]?.properties['fundingGiven'], id).toBeCloseTo(inNode.low, 2);
      expect(stored[i]?.properties['fundedCount'], id).toBe(targets.size);
      expect(asked.get(id)?.low ?? 0, id).toBeCloseTo(inNode.low, 2);
      expect(asked.get(id)?.high ?? 0, id).toBeCloseTo(inNode.high, 2);
      expect(asked.get(id)?.lines ?? 0, id).toBe(inNode.lines);
      if (lines.length > 0) funders++;
    });
    expect(funders).toBeGreaterThanOrEqual(5);
  });

  it('funding received: stored at load, summed on request and summed in Node agree', async () => {
    const works = graph.nodes.filter((n) => n.kind === 'Programme' || n.kind === 'Project').map((n) => n.id);
    const stored = await store.nodesByIds(works, false);
    const asked = new Map((await store.fundingTotals({ groupBy: 'target' })).map((r) => [r.key, r]));
    works.forEach((id, i) => {
      const lines = funds((e) => e.to === id);
      const funders = new Set(lines.filter((e) => e.properties['lineRole'] !== 'total').map((e) => e.from));
      expect(stored[i]?.properties['fundingReceived'], id).toBeCloseTo(sumFundingLines(lines).low, 2);
      expect(stored[i]?.properties['funderCount'], id).toBe(funders.size);
      expect(asked.get(id)?.low ?? 0, id).toBeCloseTo(sumFundingLines(lines).low, 2);
    });
  });

  it('co-funded outcomes: the count stored at load is what the co-funding lines give', async () => {
    const lines = await store.coFundingLines({
      partner: null,
      outcome: null,
      via: null,
      period: null,
      withEvidence: false,
    });
    const outcomes = groupCoFunding(lines).filter((o) => o.funders.length >= 2);
    expect(outcomes.length).toBeGreaterThan(0);
    const organisations = graph.nodes.filter((n) => n.kind === 'Organisation').map((n) => n.id);
    const stored = await store.nodesByIds(organisations, false);
    organisations.forEach((id, i) => {
      const expected = outcomes.filter((o) => o.funders.some((f) => f.organisation === id)).length;
      expect(stored[i]?.properties['coFundedOutcomes'], id).toBe(expected);
    });
  });

  it('co-funding summed in the store is the lines grouped and summed in Node, for every partner too', async () => {
    const sameAs = async (query: { partner: string | null; period: string | null }) => {
      const args = { ...query, outcome: null, via: null };
      const grouped = groupCoFunding(await store.coFundingLines({ ...args, withEvidence: false }));
      const summed = await store.coFundingSummary(args);
      const byOutcome = new Map(summed.map((s) => [s.outcome, s]));
      expect(summed).toHaveLength(grouped.length);
      for (const g of grouped) {
        const s = byOutcome.get(g.outcome);
        expect(s?.funders, g.outcome).toBe(g.funderCount);
        expect(s?.low, g.outcome).toBeCloseTo(g.low, 2);
        expect(s?.high, g.outcome).toBeCloseTo(g.high, 2);
        expect(s?.conflicts, g.outcome).toBe(g.conflicts);
      }
      return grouped.length;
    };
    expect(await sameAs({ partner: null, period: null })).toBeGreaterThan(3);
    expect(await sameAs({ partner: null, period: '2019/20' })).toBeGreaterThan(0);
    const funders = [...new Set(funds(() => true).map((e) => e.from))];
    let reached = 0;
    for (const partner of funders) reached += await sameAs({ partner, period: null });
    expect(reached).toBeGreaterThan(0);
  });
});
