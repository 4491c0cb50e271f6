import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { amountOrZero, fundingLineKey, sumFundingLines } from '../../src/model/funding-lines.js';
import type { EdgeRecord, GraphData } from '../../src/model/records.js';
import { groupCoFunding } from '../../src/services/co-funding.js';
import type { FundingLineFilter } from '../../src/store/port.js';
import { ENGINES_UNDER_TEST, ROOT } from '../support/env.js';
import { loadedStore } from '../support/harness.js';

/**
 * Funding is summed in three places that must agree: the totals the store derives at load
 * (cypher/derive/), the totals it sums when asked (cypher/funding/), and the lines a read returned,
 * summed by model/funding-lines.ts. On the HLP graph, whose conflict groups and breakdowns are real,
 * all three give the same figures for every organisation, programme and project.
 */
describe.each(ENGINES_UNDER_TEST)('one funding rule everywhere on %s', (engine) => {
  const { store } = loadedStore(engine, { seeds: 'real' });
  let graph: GraphData;
  const funds = (pick: (e: EdgeRecord) => boolean) =>
    graph.edges.filter((e) => e.kind === 'FUNDS' && pick(e));

  beforeAll(async () => {
    graph = await store.readGraph();
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

  it('each period summed both ways: by period, by recipient, by kind, by funder and in Node', async () => {
    const byPeriod = await store.fundingTotals({ groupBy: 'period' });
    const decisions = readFileSync(join(ROOT, 'seeds/DECISIONS.md'), 'utf8');
    const periods = [...new Set(funds(() => true).map((e) => String(e.properties['period'])))].sort();
    expect(byPeriod.map((r) => r.key).sort()).toEqual(periods);
    const sum = (rows: readonly { low: number }[]) => rows.reduce((total, r) => total + r.low, 0);
    /**
     * What a line adds when sums go by funder or by recipient and the line has several: a sum given
     * jointly counts under each of its funders, and a figure two tables credit to two recipients
     * (one conflict group) under each recipient. Summed by period it counts once.
     */
    const repeats = (lines: readonly EdgeRecord[], side: 'from' | 'to') => {
      const byLine = new Map<string, { ends: Set<string>; low: number }>();
      for (const e of lines) {
        if (e.properties['lineRole'] === 'total') continue;
        const key = fundingLineKey(e);
        const line = byLine.get(key) ?? { ends: new Set<string>(), low: Number.POSITIVE_INFINITY };
        line.ends.add(e[side]);
        line.low = Math.min(line.low, amountOrZero(e));
        byLine.set(key, line);
      }
      return [...byLine.values()].reduce((t, l) => t + (l.ends.size - 1) * l.low, 0);
    };
    for (const period of periods) {
      const total = byPeriod.find((r) => r.key === period)?.low ?? Number.NaN;
      const lines = funds((e) => e.properties['period'] === period);
      expect(sumFundingLines(lines).low, `${period} in Node`).toBeCloseTo(total, 2);
      expect(sum(await store.fundingTotals({ groupBy: 'kind', period })), `${period} by kind`).toBeCloseTo(
        total,
        2,
      );
      const byTarget = sum(await store.fundingTotals({ groupBy: 'target', period }));
      expect(byTarget - repeats(lines, 'to'), `${period} by recipient`).toBeCloseTo(total, 2);
      const byFunder = sum(await store.fundingTotals({ groupBy: 'funder', period }));
      expect(byFunder - repeats(lines, 'from'), `${period} by funder`).toBeCloseTo(total, 2);
      // A line broken down into shares holds the shares' money: counting the totals instead of
      // their shares gives the same sum, but for totals whose shares the report makes add up to
      // another figure, and each of those is written down in DECISIONS.md.
      const totalsWay = sumFundingLines(
        lines.map((e) =>
          e.properties['lineRole'] === 'total'
            ? { ...e, properties: { ...e.properties, lineRole: null } }
            : typeof e.properties['breakdownOf'] === 'string'
              ? { ...e, properties: { ...e.properties, lineRole: 'total' } }
              : e,
        ),
      );
      let unmatched = 0;
      const totals = lines.filter((e) => e.properties['lineRole'] === 'total');
      for (const key of new Set(totals.map(fundingLineKey))) {
        const members = totals.filter((e) => fundingLineKey(e) === key);
        const shares = lines.filter((e) => members.some((m) => m.id === e.properties['breakdownOf']));
        const ofShares = sumFundingLines(
          shares.map((e) => ({ ...e, properties: { ...e.properties, lineRole: null } })),
        ).low;
        const stated = Math.min(...members.map(amountOrZero));
        if (Math.abs(stated - ofShares) < 0.5) continue;
        unmatched += stated - ofShares;
        expect(
          members.some((m) => decisions.includes(m.id)),
          `${key}: ${stated} against shares ${ofShares}`,
        ).toBe(true);
      }
      expect(totalsWay.low, `${period}: totals instead of their shares`).toBeCloseTo(total + unmatched, 2);
    }
  });

  it('the fundingLines connection sums (fundingLineSums) agree with Node, per funder and per period', async () => {
    const none: FundingLineFilter = { funder: null, recipient: null, period: null, fundingKind: null };
    const gbp = async (filter: FundingLineFilter) =>
      (await store.fundingLineSums(filter)).find((s) => s.currency === 'GBP') ?? {
        low: 0,
        high: 0,
        lines: 0,
      };
    const funders = [...new Set(funds(() => true).map((e) => e.from))];
    for (const funder of funders) {
      const inNode = sumFundingLines(funds((e) => e.from === funder));
      const asked = await gbp({ ...none, funder });
      expect(asked.low, funder).toBeCloseTo(inNode.low, 2);
      expect(asked.high, funder).toBeCloseTo(inNode.high, 2);
      expect(asked.lines, funder).toBe(inNode.lines);
    }
    for (const period of new Set(funds(() => true).map((e) => String(e.properties['period'])))) {
      const inNode = sumFundingLines(funds((e) => e.properties['period'] === period));
      const asked = await gbp({ ...none, period });
      expect(asked.low, period).toBeCloseTo(inNode.low, 2);
      expect(asked.high, period).toBeCloseTo(inNode.high, 2);
      expect(asked.lines, period).toBe(inNode.lines);
    }
    expect(funders.length).toBeGreaterThanOrEqual(5);
  });

  it('co-funding summed in the store (stored funder counts, money per line) is what the lines give', async () => {
    const partners = [...new Set(funds(() => true).map((e) => e.from))];
    let outcomes = 0;
    for (const partner of partners) {
      for (const period of [null, '2019/20']) {
        const query = { partner, outcome: null, via: null, period };
        const fromLines = new Map(
          groupCoFunding(await store.coFundingLines({ ...query, withEvidence: false })).map((o) => [
            o.outcome,
            o,
          ]),
        );
        const summed = await store.coFundingSummary(query);
        expect(summed.map((o) => o.outcome).sort(), `${partner} ${period}`).toEqual(
          [...fromLines.keys()].sort(),
        );
        for (const o of summed) {
          const expected = fromLines.get(o.outcome);
          expect(o.funders, `${partner} ${o.outcome}`).toBe(expected?.funderCount);
          expect(o.low, `${partner} ${o.outcome}`).toBeCloseTo(expected?.low ?? Number.NaN, 2);
          expect(o.high, `${partner} ${o.outcome}`).toBeCloseTo(expected?.high ?? Number.NaN, 2);
          expect(o.conflicts, `${partner} ${o.outcome}`).toBe(expected?.conflicts);
          outcomes++;
        }
      }
    }
    expect(outcomes).toBeGreaterThan(10);
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
