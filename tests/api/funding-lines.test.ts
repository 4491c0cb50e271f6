import { describe, expect, it } from 'vitest';
import { ENGINES_UNDER_TEST } from '../support/env.js';
import { servedGraph } from '../support/harness.js';

interface Line {
  seedId: string;
  period: string | null;
  fundingKind: string;
  from: { seedId: string };
  to: { seedId: string };
}

interface LinesPage {
  fundingLines: {
    totalCount: number;
    total: { value: number };
    totalHigh: { value: number };
    summedLines: number;
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
    };
    edges: { node: Line }[];
  };
}

const LINES = `query($filter: FundingLineFilter, $first: Int, $after: String, $last: Int, $before: String) {
  fundingLines(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
    totalCount total { value } totalHigh { value } summedLines
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { node { seedId period fundingKind from { ... on Entity { seedId } } to { ... on Entity { seedId } } } }
  }
}`;

/**
 * The funding lines list on the real graph: pages cut in the store by line id (forwards and
 * backwards, every line once), filters, and totals summed in the store that agree with
 * fundingTotals and the organisations' own totals: a total and its shares never both counted.
 */
describe.each(ENGINES_UNDER_TEST)('fundingLines on the HLP graph on %s', (engine) => {
  const api = servedGraph(engine, { seeds: 'real', config: { HLP_STORE_STATS: 'on' } });

  const page = (variables: Record<string, unknown>) => api.gqlData<LinesPage>(LINES, variables);

  async function everyLine(filter: Record<string, unknown> | null, size: number): Promise<Line[]> {
    const lines: Line[] = [];
    let after: string | null = null;
    for (;;) {
      const { fundingLines }: LinesPage = await page({ filter, first: size, after });
      lines.push(...fundingLines.edges.map((e) => e.node));
      if (!fundingLines.pageInfo.hasNextPage) return lines;
      after = fundingLines.pageInfo.endCursor;
    }
  }

  it('pages through every line once, in id order, forwards and backwards', async () => {
    const forwards = await everyLine(null, 17);
    const { fundingLines } = await page({ first: 1 });
    expect(forwards).toHaveLength(fundingLines.totalCount);
    const ids = forwards.map((l) => l.seedId);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    // Every FUNDS relationship of the graph is a line.
    const stats = await api.gqlData<{ stats: { relationships: { kind: string; count: number }[] } }>(
      '{ stats { relationships { kind count } } }',
    );
    expect(stats.stats.relationships.find((r) => r.kind === 'FUNDS')?.count).toBe(ids.length);

    const backwards: Line[] = [];
    let before: string | null = null;
    for (;;) {
      const { fundingLines: p }: LinesPage = await page({ last: 13, before });
      backwards.unshift(...p.edges.map((e) => e.node));
      if (!p.pageInfo.hasPreviousPage) break;
      before = p.pageInfo.startCursor;
    }
    expect(backwards.map((l) => l.seedId)).toEqual(ids);
  });

  it('reads the page and one more row, not every line', async () => {
    const answer = await api.post('{ fundingLines(first: 5) { edges { node { seedId } } } }');
    expect(answer.statements).toBe('1');
    const rows = await api.post('{ fundingLines(first: 5) { edges { node { seedId } } } }');
    expect(rows.headers.get('x-store-rows')).toBe('6');
  });

  it('sums each period as fundingTotals does: shares not their totals, a conflict or joint group once', async () => {
    const totals = await api.gqlData<{
      fundingTotals: { key: string; total: { value: number }; totalHigh: { value: number }; lines: number }[];
    }>('{ fundingTotals(groupBy: PERIOD) { key total { value } totalHigh { value } lines } }');
    expect(totals.fundingTotals.length).toBeGreaterThan(2);
    for (const t of totals.fundingTotals) {
      const { fundingLines } = await page({ filter: { period: t.key }, first: 1 });
      expect(fundingLines.total.value, t.key).toBeCloseTo(t.total.value, 2);
      expect(fundingLines.totalHigh.value, t.key).toBeCloseTo(t.totalHigh.value, 2);
      expect(fundingLines.summedLines, t.key).toBe(t.lines);
    }
  });

  it('filters by funder, recipient, period and kind; a funder’s total is its total funding given', async () => {
    const lines = await everyLine({ funder: 'org.london-ccgs', period: '2019/20' }, 50);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) {
      expect(l.from.seedId).toBe('org.london-ccgs');
      expect(l.period).toBe('2019/20');
    }
    const given = await api.gqlData<{ node: { totalFundingGiven: { value: number } } }>(
      '{ node(id: "org.london-ccgs") { ... on Organisation { totalFundingGiven(period: "2019/20") { value } } } }',
    );
    const { fundingLines } = await page({
      filter: { funder: 'org.london-ccgs', period: '2019/20' },
      first: 1,
    });
    expect(fundingLines.total.value).toBeCloseTo(given.node.totalFundingGiven.value, 2);

    const toThrive = await everyLine({ recipient: 'prog.thrive-ldn', fundingKind: 'CORE' }, 50);
    expect(toThrive.length).toBeGreaterThan(0);
    for (const l of toThrive) {
      expect(l.to.seedId).toBe('prog.thrive-ldn');
      expect(l.fundingKind).toBe('CORE');
    }
    // A merged record's former id finds the node it was merged into.
    expect(
      (await everyLine({ recipient: 'proj.thrive-ldn', fundingKind: 'CORE' }, 50)).map((l) => l.seedId),
    ).toEqual(toThrive.map((l) => l.seedId));
  });

  it('refuses what it cannot answer, saying what and where', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ filter: { funder: 'org.no-such-org' }, first: 5 }, 'NOT_FOUND'],
      [{ filter: { funder: 'prog.thrive-ldn' }, first: 5 }, 'BAD_USER_INPUT'],
      [{ first: 5, after: 'not-a-cursor' }, 'BAD_USER_INPUT'],
      [{ first: 1000 }, 'BAD_USER_INPUT'],
    ];
    for (const [variables, code] of cases) {
      const answer = await api.post(LINES, variables);
      expect(answer.body.errors?.[0]?.extensions?.['code'], JSON.stringify(variables)).toBe(code);
    }
  });
});
