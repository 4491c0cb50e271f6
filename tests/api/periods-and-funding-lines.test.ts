import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINES_UNDER_TEST, tempDir } from '../support/env.js';
import { servedGraph } from '../support/harness.js';

const id = (type: string, key: string) => Buffer.from(`${type}:${key}`).toString('base64');

/**
 * A small seed set with what the periods and funding rules are about: facts with and without a
 * stated period from two reports, figures of two periods, a line with no amount, one given in kind
 * and a sum two funders gave jointly.
 */
function seeds(): string {
  const dir = tempDir('period-seeds');
  const five = (lines: string) =>
    `[{ source: 000_90cc9f875cc8fefe.txt, lines: [${lines}], section: Projects }]`;
  const d1920 = `[{ source: 004_9bafb96c93e2c09d.txt, lines: [60, 62], section: Funding }]`;
  const yaml = [
    'nodes:',
    `  - { id: report.five, kind: Report, name: Five-year, source: 000_90cc9f875cc8fefe.txt, period: 2015 to 2020, evidence: ${five('1, 2')} }`,
    `  - { id: report.d1920, kind: Report, name: Deliverables, source: 004_9bafb96c93e2c09d.txt, period: 2019/20, evidence: ${d1920} }`,
    `  - { id: org.alpha, kind: Organisation, name: Alpha, category: ccg, evidence: ${d1920} }`,
    `  - { id: org.beta, kind: Organisation, name: Beta, category: charity, evidence: ${d1920} }`,
    `  - { id: proj.app, kind: Project, name: App, category: digital_service, evidence: ${five('10, 11')} }`,
    `  - { id: metric.since, kind: Metric, name: Users since launch, value: 500, unit: people, valueText: "500", measure: users, period: November 2017 to March 2020, periodText: since November 2017, evidence: ${five('12, 12')} }`,
    `  - { id: place.borough, kind: Place, name: Borough, aliases: [The Borough], category: borough, evidence: ${five('17, 17')} }`,
    `  - { id: place.city, kind: Place, name: City, category: city, evidence: ${five('17, 17')} }`,
    `  - { id: award.prize, kind: Award, name: Prize, result: won, year: 2020, date: February 2020, category: Best app, evidence: ${five('18, 18')} }`,
    `  - { id: metric.undated, kind: Metric, name: Users undated, value: 10, valueHigh: 15, unit: percent, valueText: "10-15%", measure: share of users, evidence: ${five('13, 13')} }`,
    'edges:',
    `  - { kind: PARTNERS_WITH, from: org.beta, to: proj.app, role: partner, evidence: ${five('14, 14')} }`,
    `  - { kind: LEADS, from: org.alpha, to: proj.app, period: "2018", evidence: ${five('15, 15')} }`,
    `  - { kind: MEASURES, from: metric.since, to: proj.app, evidence: ${five('12, 12')} }`,
    `  - { kind: MEASURES, from: metric.undated, to: proj.app, evidence: ${five('13, 13')} }`,
    `  - { id: funds.named, kind: FUNDS, from: org.alpha, to: proj.app, currency: GBP, amountText: funded by, fundingKind: core, period: 2019/20, evidence: ${d1920} }`,
    `  - { id: funds.kind, kind: FUNDS, from: org.beta, to: proj.app, amount: 2000, currency: GBP, amountText: "£2k of staff time", fundingKind: in_kind, period: 2019/20, evidence: ${d1920} }`,
    `  - { id: funds.joint-alpha, kind: FUNDS, from: org.alpha, to: proj.app, amount: 9000, currency: GBP, amountText: "£9,000", fundingKind: additional, period: 2018/19, jointGroup: app-joint, evidence: ${five('16, 16')} }`,
    `  - { id: funds.joint-beta, kind: FUNDS, from: org.beta, to: proj.app, amount: 9000, currency: GBP, amountText: "£9,000", fundingKind: additional, period: 2018/19, jointGroup: app-joint, evidence: ${five('16, 16')} }`,
    `  - { kind: RUNS_IN, from: proj.app, to: place.borough, role: pilot, period: "2018", evidence: ${five('17, 17')} }`,
    `  - { kind: COVERS, from: org.alpha, to: place.borough, evidence: ${five('17, 17')} }`,
    `  - { kind: PART_OF, from: place.borough, to: place.city, evidence: ${five('17, 17')} }`,
    `  - { kind: WON, from: proj.app, to: award.prize, evidence: ${five('18, 18')} }`,
    `  - { kind: PRESENTS, from: org.beta, to: award.prize, evidence: ${five('18, 18')} }`,
    '',
  ].join('\n');
  writeFileSync(join(dir, 'graph.yaml'), yaml);
  return dir;
}

describe.each(ENGINES_UNDER_TEST)(
  'periods on every dated fact, and funding lines as the reports state them, on %s',
  (engine) => {
    const api = servedGraph(engine, { seeds });

    it('gives a fact no report dates its report’s period, and one the report dates its own, with the months each spans', async () => {
      const data = await api.gqlData<{
        node: {
          relationships: {
            edges: {
              relationship: {
                kind: string;
                period: string | null;
                periodFrom: string | null;
                periodTo: string | null;
                periodBasis: string | null;
              };
            }[];
          };
        };
      }>(
        `query($id: ID!) { node(id: $id) { ... on Project { relationships(first: 20, orderBy: { field: KIND }) {
        edges { relationship { kind period periodFrom periodTo periodBasis } } } } } }`,
        { id: id('Project', 'proj.app') },
      );
      const byKind = (kind: string) =>
        data.node.relationships.edges.map((e) => e.relationship).filter((r) => r.kind === kind);
      expect(byKind('PARTNERS_WITH')).toEqual([
        {
          kind: 'PARTNERS_WITH',
          period: '2015 to 2020',
          periodFrom: '2015-01',
          periodTo: '2020-12',
          periodBasis: 'REPORT',
        },
      ]);
      expect(byKind('LEADS')).toEqual([
        { kind: 'LEADS', period: '2018', periodFrom: '2018-01', periodTo: '2018-12', periodBasis: 'STATED' },
      ]);
      // A figure's link has the figure's period, not one of its own.
      expect(byKind('MEASURES')).toEqual([
        { kind: 'MEASURES', period: null, periodFrom: null, periodTo: null, periodBasis: null },
        { kind: 'MEASURES', period: null, periodFrom: null, periodTo: null, periodBasis: null },
      ]);
      // The 2019/20 lines say 2019/20, their report's period: that dates them no more than the report.
      expect(byKind('FUNDS').map((r) => [r.period, r.periodBasis])).toEqual(
        expect.arrayContaining([
          ['2019/20', 'REPORT'],
          ['2018/19', 'STATED'],
        ]),
      );
    });

    it('asks for figures by their period, with the report’s words, the range and the months', async () => {
      const metrics = async (period: string | null) =>
        (
          await api.gqlData<{
            node: {
              metrics: {
                totalCount: number;
                edges: { node: Record<string, unknown> }[];
              };
            };
          }>(
            `query($id: ID!, $period: String) { node(id: $id) { ... on Project { metrics(first: 10, period: $period) {
            totalCount edges { node { name value valueHigh period periodText periodFrom periodTo periodBasis } } } } } }`,
            { id: id('Project', 'proj.app'), period },
          )
        ).node.metrics;
      expect((await metrics(null)).totalCount).toBe(2);
      expect(await metrics('November 2017 to March 2020')).toEqual({
        totalCount: 1,
        edges: [
          {
            node: {
              name: 'Users since launch',
              value: 500,
              valueHigh: null,
              period: 'November 2017 to March 2020',
              periodText: 'since November 2017',
              periodFrom: '2017-11',
              periodTo: '2020-03',
              periodBasis: 'STATED',
            },
          },
        ],
      });
      expect(await metrics('2015 to 2020')).toEqual({
        totalCount: 1,
        edges: [
          {
            node: {
              name: 'Users undated',
              value: 10,
              valueHigh: 15,
              period: '2015 to 2020',
              periodText: null,
              periodFrom: '2015-01',
              periodTo: '2020-12',
              periodBasis: 'REPORT',
            },
          },
        ],
      });
      expect((await metrics('2019/20')).totalCount).toBe(0);
    });

    it('keeps a line with no amount, one given in kind, and a joint sum counted once in totals', async () => {
      const data = await api.gqlData<{
        node: {
          funders: {
            edges: {
              node: { name: string };
              amount: { value: number } | null;
              amountText: string;
              fundingKind: string;
              jointGroup: string | null;
            }[];
          };
        };
        byPeriod: { key: string; total: { value: number }; lines: number; relationships: number }[];
        byFunder: { key: string; total: { value: number } }[];
      }>(
        `query($id: ID!) {
        node(id: $id) { ... on Project { funders(first: 10) {
          edges { node { name } amount { value } amountText fundingKind jointGroup } } } }
        byPeriod: fundingTotals(groupBy: PERIOD) { key total { value } lines relationships }
        byFunder: fundingTotals(groupBy: FUNDER) { key total { value } }
      }`,
        { id: id('Project', 'proj.app') },
      );
      const lines = data.node.funders.edges.map((e) => [
        e.node.name,
        e.amount?.value ?? null,
        e.amountText,
        e.fundingKind,
        e.jointGroup,
      ]);
      expect(lines).toEqual(
        expect.arrayContaining([
          ['Alpha', null, 'funded by', 'CORE', null],
          ['Beta', 2000, '£2k of staff time', 'IN_KIND', null],
          ['Alpha', 9000, '£9,000', 'ADDITIONAL', 'app-joint'],
          ['Beta', 9000, '£9,000', 'ADDITIONAL', 'app-joint'],
        ]),
      );
      expect(lines).toHaveLength(4);
      const period = (key: string) => data.byPeriod.find((r) => r.key === key);
      // The joint sum is one line of 9,000 given by two funders; the named line adds no money.
      expect(period('2018/19')).toEqual({
        key: '2018/19',
        total: { value: 9000 },
        lines: 1,
        relationships: 2,
      });
      expect(period('2019/20')).toEqual({
        key: '2019/20',
        total: { value: 2000 },
        lines: 2,
        relationships: 2,
      });
      // By funder the joint sum counts under each of its funders.
      expect(Object.fromEntries(data.byFunder.map((r) => [r.key, r.total.value]))).toEqual({
        'org.alpha': 9000,
        'org.beta': 11000,
      });
    });

    it('reads places: the work done there, who covers them, what they lie in; and who presents an award, and when', async () => {
      const data = await api.gqlData<{
        places: { edges: { node: Record<string, unknown> }[] };
        project: {
          places: { edges: { node: { name: string }; relationship: { role: string; period: string } }[] };
        };
        alpha: { covers: { edges: { node: { name: string } }[] } };
        prize: {
          date: string;
          year: number;
          category: string;
          presentedBy: { edges: { node: { name: string } }[] };
        };
      }>(
        `query($project: ID!, $alpha: ID!, $prize: ID!) {
          places(first: 5, filter: { category: BOROUGH }) { edges { node { ... on Place { name aliases category
            work(first: 5) { edges { node { name } } }
            coveredBy(first: 5) { edges { node { name } } }
            within(first: 5) { edges { node { name } } } } } } }
          project: node(id: $project) { ... on Project { places(first: 5) { edges { node { name } relationship { role period } } } } }
          alpha: node(id: $alpha) { ... on Organisation { covers(first: 5) { edges { node { name } } } } }
          prize: node(id: $prize) { ... on Award { date year category presentedBy(first: 5) { edges { node { name } } } } }
        }`,
        {
          project: id('Project', 'proj.app'),
          alpha: id('Organisation', 'org.alpha'),
          prize: id('Award', 'award.prize'),
        },
      );
      expect(data.places.edges.map((e) => e.node)).toEqual([
        {
          name: 'Borough',
          aliases: ['The Borough'],
          category: 'BOROUGH',
          work: { edges: [{ node: { name: 'App' } }] },
          coveredBy: { edges: [{ node: { name: 'Alpha' } }] },
          within: { edges: [{ node: { name: 'City' } }] },
        },
      ]);
      expect(data.project.places.edges).toEqual([
        { node: { name: 'Borough' }, relationship: { role: 'pilot', period: '2018' } },
      ]);
      expect(data.alpha.covers.edges).toEqual([{ node: { name: 'Borough' } }]);
      expect(data.prize).toEqual({
        date: 'February 2020',
        year: 2020,
        category: 'Best app',
        presentedBy: { edges: [{ node: { name: 'Beta' } }] },
      });
    });
  },
);
