import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { checkSeeds } from '../../src/seed/load-seeds.js';
import { callCounter } from '../support/counting-store.js';
import { ENGINES_UNDER_TEST, FIXTURE_SEEDS, ROOT, tempDir } from '../support/env.js';
import { appFor } from '../support/graphql.js';
import { type Served, serve, servedGraph } from '../support/harness.js';
import { openGraph } from '../support/store.js';

/** The columns the README documents, in their order: the file's contract with spreadsheets. */
const COLUMNS = [
  'Identifier',
  'Title',
  'Description',
  'Currency',
  'Amount Awarded',
  'Planned Dates:Start Date',
  'Planned Dates:End Date',
  'Recipient Org:Identifier',
  'Recipient Org:Name',
  'Funding Org:Identifier',
  'Funding Org:Name',
  'Recipient:Identifier',
  'Recipient:Name',
  'Recipient:Kind',
  'Period',
  'Funding Kind',
  'Amount As Written',
  'Amount Qualifier',
  'Line Role',
  'Breakdown Of',
  'Joint Group',
  'Conflict Group',
  'Counts In Sums',
  'Sum Line',
  'Report',
  'Lines',
];

type JsonRow = Record<string, string | number | boolean | null>;

/**
 * Parses CSV strictly as RFC 4180 writes it (CRLF line ends, quotes doubled inside quoted fields),
 * so a writer that breaks a rule fails here instead of being read leniently.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('CSV: a quoted field is not closed');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i];
        i++;
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`CSV: a quote inside an unquoted field at ${i}`);
        field += text[i];
        i++;
      }
    }
    record.push(field);
    if (text[i] === ',') {
      i++;
    } else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else {
      throw new Error(`CSV: expected a comma or CRLF at ${i}, got ${JSON.stringify(text[i])}`);
    }
  }
  if (record.length > 0) throw new Error('CSV: the last record has no CRLF');
  return records;
}

interface Download {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

async function download(api: Served, path: string, method = 'GET'): Promise<Download> {
  const response = await api.fetch(path, { method });
  // Decoded by hand, keeping a byte-order mark (Response.text() would drop it).
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
    await response.arrayBuffer(),
  );
  return { status: response.status, headers: response.headers, text };
}

/** The CSV's records as objects keyed by its header, after checking the mark and the header. */
async function csvRows(api: Served): Promise<Record<string, string>[]> {
  const { status, text } = await download(api, '/export/funding.csv');
  expect(status).toBe(200);
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...records] = parseCsv(text.slice(1));
  expect(header).toEqual(COLUMNS);
  return records.map((record) => {
    expect(record).toHaveLength(COLUMNS.length);
    return Object.fromEntries(COLUMNS.map((c, i) => [c, record[i] ?? '']));
  });
}

async function jsonRows(api: Served): Promise<JsonRow[]> {
  const { status, text } = await download(api, '/export/funding.json');
  expect(status).toBe(200);
  return JSON.parse(text) as JsonRow[];
}

/** How the CSV writes a JSON value. */
/** A JSON value as the CSV writes it: a text that begins like a formula gets a leading apostrophe. */
function asCsv(value: JsonRow[string]): string {
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(value)) return `'${value}`;
  return value === null ? '' : String(value);
}

interface PeriodSum {
  low: number;
  high: number;
  lines: number;
  relationships: number;
}

const pence = (value: number) => Math.round(value * 100) / 100;

/**
 * Sums the CSV per period and currency as the README tells a spreadsheet user to: only rows that
 * count in sums; rows of one Sum Line once, at their lowest and highest amount (none: 0).
 */
function sumsByPeriod(rows: readonly Record<string, string>[]): Record<string, PeriodSum> {
  const lines = new Map<string, { key: string; amounts: number[]; rows: number }>();
  for (const row of rows) {
    if (row['Counts In Sums'] !== 'true') continue;
    const key = `${row['Period']} ${row['Currency']}`;
    const lineKey = `${key}\u0000${row['Sum Line']}`;
    const line = lines.get(lineKey) ?? { key, amounts: [], rows: 0 };
    if (row['Amount Awarded'] !== '') line.amounts.push(Number(row['Amount Awarded']));
    line.rows++;
    lines.set(lineKey, line);
  }
  const sums: Record<string, PeriodSum> = {};
  for (const { key, amounts, rows: count } of lines.values()) {
    const sum = sums[key] ?? { low: 0, high: 0, lines: 0, relationships: 0 };
    sum.low += amounts.length > 0 ? Math.min(...amounts) : 0;
    sum.high += amounts.length > 0 ? Math.max(...amounts) : 0;
    sum.lines++;
    sum.relationships += count;
    sums[key] = sum;
  }
  for (const sum of Object.values(sums)) {
    sum.low = pence(sum.low);
    sum.high = pence(sum.high);
  }
  return sums;
}

/** fundingTotals per period, as the GraphQL API gives them, keyed like sumsByPeriod. */
async function apiSumsByPeriod(api: Served): Promise<Record<string, PeriodSum>> {
  const data = await api.gqlData<{
    fundingTotals: {
      key: string;
      total: { value: number; currency: string };
      totalHigh: { value: number };
      lines: number;
      relationships: number;
    }[];
  }>(
    '{ fundingTotals(groupBy: PERIOD) { key total { value currency } totalHigh { value } lines relationships } }',
  );
  return Object.fromEntries(
    data.fundingTotals.map((t) => [
      `${t.key} ${t.total.currency}`,
      {
        low: pence(t.total.value),
        high: pence(t.totalHigh.value),
        lines: t.lines,
        relationships: t.relationships,
      },
    ]),
  );
}

async function fundsCount(api: Served): Promise<number> {
  const data = await api.gqlData<{ stats: { relationships: { kind: string; count: number }[] } }>(
    '{ stats { relationships { kind count } } }',
  );
  return data.stats.relationships.find((r) => r.kind === 'FUNDS')?.count ?? 0;
}

/** What every graph's downloads must satisfy, whatever lines it holds. */
async function checkAgainstApi(api: Served): Promise<{ csv: Record<string, string>[]; json: JsonRow[] }> {
  const [csv, json] = [await csvRows(api), await jsonRows(api)];
  // The same rows, in the same order (by identifier), with the same values and keys.
  expect(json.map((row) => Object.keys(row))).toEqual(json.map(() => COLUMNS));
  expect(csv).toEqual(json.map((row) => Object.fromEntries(COLUMNS.map((c) => [c, asCsv(row[c] ?? null)]))));
  const ids = csv.map((r) => r['Identifier'] ?? '');
  expect(ids).toEqual([...ids].sort());
  expect(new Set(ids).size).toBe(ids.length);
  // One row per FUNDS relationship, and sums that agree with the API's.
  expect(csv).toHaveLength(await fundsCount(api));
  expect(sumsByPeriod(csv)).toEqual(await apiSumsByPeriod(api));
  // Numbers are numbers in JSON, and missing values null, never empty strings.
  for (const row of json) {
    expect(['number', 'object']).toContain(typeof row['Amount Awarded']);
    expect(typeof row['Counts In Sums']).toBe('boolean');
    expect(Object.values(row)).not.toContain('');
    // Recipient Org only for money that goes to an organisation.
    const toOrganisation = row['Recipient:Kind'] === 'Organisation';
    expect(row['Recipient Org:Identifier']).toBe(toOrganisation ? row['Recipient:Identifier'] : null);
    expect(row['Recipient Org:Name']).toBe(toOrganisation ? row['Recipient:Name'] : null);
  }
  return { csv, json };
}

describe('the documented funding columns', () => {
  it('are the ones the README lists, in its order', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(COLUMNS.join(','));
  });
});

describe.each(ENGINES_UNDER_TEST)('funding downloads of the fixture graph on %s', (engine) => {
  const counted = callCounter();
  const api = servedGraph(engine, { seeds: 'fixture', wrap: counted.wrap });
  const { store } = api;

  it('serves the CSV and the JSON as named UTF-8 downloads', async () => {
    const csv = await download(api, '/export/funding.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="hlp-funding.csv"');
    // Every line ends in CRLF, the header included; none in a bare LF.
    expect(csv.text.endsWith('\r\n')).toBe(true);
    expect(csv.text.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
    expect(csv.text.split('\r\n')[0]).toBe(`\uFEFF${COLUMNS.join(',')}`);
    const json = await download(api, '/export/funding.json');
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(json.headers.get('content-disposition')).toBe('attachment; filename="hlp-funding.json"');
  });

  it('writes one row per funding line, the CSV and JSON agreeing, summing per period as the API does', async () => {
    const { csv, json } = await checkAgainstApi(api);
    expect(csv.map((r) => r['Identifier'])).toEqual([
      'funds:org.alpha-ccgs:prog.body:2019/20:core',
      'funds:org.alpha-ccgs:prog.body:2019/20:core:programme-table',
      'funds:org.alpha-ccgs:prog.mind:2019/20:core',
      'funds:org.beta-nhs:prog.mind:2019/20:additional',
    ]);
    expect(json.find((r) => r['Identifier'] === 'funds:org.beta-nhs:prog.mind:2019/20:additional')).toEqual({
      Identifier: 'funds:org.beta-nhs:prog.mind:2019/20:additional',
      Title: 'Additional funding from Beta NHS Region to Mind Programme, 2019/20',
      Description:
        'Additional funding from Beta NHS Region to the programme Mind Programme for 2019/20, as the report gives it: £45,000.50',
      Currency: 'GBP',
      'Amount Awarded': 45000.5,
      'Planned Dates:Start Date': '2019-04-01',
      'Planned Dates:End Date': '2020-03-31',
      'Recipient Org:Identifier': null,
      'Recipient Org:Name': null,
      'Funding Org:Identifier': 'org.beta-nhs',
      'Funding Org:Name': 'Beta NHS Region',
      'Recipient:Identifier': 'prog.mind',
      'Recipient:Name': 'Mind Programme',
      'Recipient:Kind': 'Programme',
      Period: '2019/20',
      'Funding Kind': 'additional',
      'Amount As Written': '£45,000.50',
      'Amount Qualifier': null,
      'Line Role': null,
      'Breakdown Of': null,
      'Joint Group': null,
      'Conflict Group': null,
      'Counts In Sums': true,
      'Sum Line': 'edge:funds:org.beta-nhs:prog.mind:2019/20:additional',
      Report: '004_9bafb96c93e2c09d.txt',
      Lines: '004_9bafb96c93e2c09d.txt:63-63',
    });
    // The two figures of one line share its Sum Line: 99,000 to 120,000, counted once.
    expect(
      csv
        .filter((r) => r['Recipient:Identifier'] === 'prog.body')
        .map((r) => [r['Amount Awarded'], r['Amount As Written'], r['Conflict Group'], r['Sum Line']]),
    ).toEqual([
      ['99000', '£99,000', 'body-core', 'group:body-core'],
      ['120000', '£120,000', 'body-core', 'group:body-core'],
    ]);
    expect(sumsByPeriod(csv)).toEqual({
      '2019/20 GBP': { low: 706000.5, high: 727000.5, lines: 3, relationships: 4 },
    });
  });

  it('renders each file once per graph version, and again when the graph changes', async () => {
    const fixture = checkSeeds(FIXTURE_SEEDS);
    const fewer = fixture.graph.edges.filter((e) => e.id !== 'funds:org.alpha-ccgs:prog.mind:2019/20:core');
    await store.replaceGraph({ nodes: fixture.graph.nodes, edges: fewer }, 'one line fewer');
    try {
      counted.reset();
      const first = await download(api, '/export/funding.csv');
      const again = await download(api, '/export/funding.csv');
      expect(again.text).toBe(first.text);
      expect(counted.calls.get('fundingLines')).toBe(1);
      expect(await csvRows(api)).toHaveLength(3);
    } finally {
      await store.replaceGraph(fixture.graph, fixture.hash);
    }
    expect(await csvRows(api)).toHaveLength(4);
    expect(counted.calls.get('fundingLines')).toBe(2);
  });

  it('answers 405 to anything but GET or HEAD, naming both', async () => {
    for (const path of ['/export/funding.csv', '/export/funding.json']) {
      const answer = await download(api, path, 'POST');
      expect(answer.status).toBe(405);
      expect(answer.headers.get('allow')).toBe('GET, HEAD');
    }
  });

  it('answers HEAD with the headers of the download and no body', async () => {
    const answer = await download(api, '/export/funding.csv', 'HEAD');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(answer.headers.get('content-disposition')).toBe('attachment; filename="hlp-funding.csv"');
    expect(answer.text).toBe('');
  });

  it('answers 503 with a message when the store fails', async () => {
    const broken = serve(await openGraph(engine, 'fixture'), engine);
    await broken.store.close();
    const answer = await download(broken, '/export/funding.csv');
    expect(answer.status).toBe(503);
    expect(answer.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(answer.headers.get('retry-after')).toBe('5');
    expect(answer.text).toBe('the export failed (STORE_UNAVAILABLE); try again shortly\n');
  });
});

describe.each(ENGINES_UNDER_TEST)('what a failed download logs on %s', (engine) => {
  it('a store that fails is an error; a store with no graph yet, a warning', async () => {
    const lines: { level: number; msg: string; status?: number }[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const log = pino({ level: 'info' }, sink);
    const empty = await openGraph(engine, 'empty');
    try {
      const answer = await appFor(empty, engine, {}, log).fetch('http://test/export/graph.json');
      expect(answer.status).toBe(503);
    } finally {
      await empty.close();
    }
    const broken = await openGraph(engine, 'fixture');
    await broken.close();
    const failed = await appFor(broken, engine, {}, log).fetch('http://test/export/funding.csv');
    expect(failed.status).toBe(503);
    const downloads = lines.filter((l) => / (refused|failed)$/.test(l.msg));
    expect(downloads.map((l) => [l.msg, l.level, l.status])).toEqual([
      ['graph export refused', 40, 503],
      ['funding export failed', 50, 503],
    ]);
  }, 60_000);
});

describe.each(ENGINES_UNDER_TEST)('funding downloads of a store never loaded on %s', (engine) => {
  const api = servedGraph(engine, { seeds: 'empty' });

  it('answer 503 STORE_EMPTY when nothing was ever loaded, and no lines when an empty graph was', async () => {
    // The harness's empty Kuzu store was never loaded; its empty Neo4j store holds a loaded empty graph.
    const loaded = (await api.store.graphVersion()) !== null;
    expect(loaded).toBe(engine === 'neo4j');
    for (const path of ['/export/funding.csv', '/export/funding.json']) {
      const answer = await download(api, path);
      if (loaded) {
        expect(answer.status, path).toBe(200);
        expect(answer.text.replace('\uFEFF', '').trim().split('\r\n').length, path).toBeLessThanOrEqual(1);
      } else {
        expect(answer.status, path).toBe(503);
        expect(answer.text, path).toContain('(STORE_EMPTY)');
      }
    }
  });
});

/**
 * Seeds with what the funding rules are about, and names that need quoting: a total broken down
 * into two shares, a sum given jointly by two funders, a line with no figure, two figures of one
 * line, money to an organisation, a funder whose name holds quotes, a comma and a line break, and
 * one whose name a spreadsheet would run as a formula.
 */
function fundingSeeds(): string {
  const dir = tempDir('funding-export-seeds');
  const ev = (lines: string) => `[{ source: 004_9bafb96c93e2c09d.txt, lines: [${lines}], section: Funding }]`;
  const funds = (id: string, from: string, to: string, rest: string) =>
    `  - { id: ${id}, kind: FUNDS, from: ${from}, to: ${to}, currency: GBP, fundingKind: core, period: 2019/20, ${rest}, evidence: ${ev('60, 62')} }`;
  const yaml = [
    'nodes:',
    `  - { id: report.d1920, kind: Report, name: Deliverables, source: 004_9bafb96c93e2c09d.txt, period: 2019/20, evidence: ${ev('1, 2')} }`,
    `  - { id: org.zeta, kind: Organisation, name: "Zeta \\"North, East\\"\\nTrust", category: charity, evidence: ${ev('60, 60')} }`,
    `  - { id: org.eta, kind: Organisation, name: Eta CCG, category: ccg, evidence: ${ev('60, 60')} }`,
    `  - { id: org.theta, kind: Organisation, name: Theta Charity, category: charity, evidence: ${ev('60, 60')} }`,
    `  - { id: org.formula, kind: Organisation, name: "=HYPERLINK(\\"http://example.org\\", \\"Iota\\")", category: charity, evidence: ${ev('60, 60')} }`,
    `  - { id: prog.big, kind: Programme, name: Big Programme, evidence: ${ev('61, 61')} }`,
    `  - { id: proj.one, kind: Project, name: Project One, category: pilot, evidence: ${ev('61, 61')} }`,
    `  - { id: proj.two, kind: Project, name: Project Two, category: pilot, evidence: ${ev('61, 61')} }`,
    'edges:',
    funds('funds.total', 'org.eta', 'prog.big', 'amount: 1000, amountText: "£1,000"'),
    funds(
      'funds.share-one',
      'org.eta',
      'proj.one',
      'amount: 600, amountText: "£600", breakdownOf: funds.total',
    ),
    funds(
      'funds.share-two',
      'org.eta',
      'proj.two',
      'amount: 400, amountText: "£400", breakdownOf: funds.total',
    ),
    funds('funds.joint-eta', 'org.eta', 'proj.one', 'amount: 300, amountText: "£300", jointGroup: pooled'),
    funds('funds.joint-zeta', 'org.zeta', 'proj.one', 'amount: 300, amountText: "£300", jointGroup: pooled'),
    funds('funds.named', 'org.zeta', 'proj.two', 'amountText: "a \\"generous\\" grant"'),
    funds('funds.formula', 'org.formula', 'proj.two', 'amountText: "-£5 (a refund)"'),
    funds('funds.low', 'org.theta', 'org.eta', 'amount: 50, amountText: "£50", conflictGroup: theta-eta'),
    funds(
      'funds.high',
      'org.theta',
      'org.eta',
      'amount: 70, qualifier: over, amountText: "over £70", conflictGroup: theta-eta',
    ),
    '',
  ].join('\n');
  writeFileSync(join(dir, 'graph.yaml'), yaml);
  return dir;
}

describe.each(ENGINES_UNDER_TEST)(
  'funding downloads of totals, shares, joint sums and awkward names on %s',
  (engine) => {
    const api = servedGraph(engine, { seeds: fundingSeeds });

    it('quotes what needs quoting, and the values read back unchanged', async () => {
      const { csv } = await checkAgainstApi(api);
      const zeta = csv.filter((r) => r['Funding Org:Identifier'] === 'org.zeta');
      expect(zeta.map((r) => r['Funding Org:Name'])).toEqual([
        'Zeta "North, East"\nTrust',
        'Zeta "North, East"\nTrust',
      ]);
      expect(csv.find((r) => r['Identifier'] === 'funds.named')?.['Amount As Written']).toBe(
        'a "generous" grant',
      );
    });

    it('writes a text that begins like a formula after an apostrophe, so no spreadsheet runs it', async () => {
      const { csv, json } = await checkAgainstApi(api);
      const formula = '=HYPERLINK("http://example.org", "Iota")';
      const csvRow = csv.find((r) => r['Identifier'] === 'funds.formula');
      const jsonRow = json.find((r) => r['Identifier'] === 'funds.formula');
      expect(csvRow?.['Funding Org:Name']).toBe(`'${formula}`);
      expect(csvRow?.['Amount As Written']).toBe("'-£5 (a refund)");
      // The JSON keeps the values as they are.
      expect(jsonRow?.['Funding Org:Name']).toBe(formula);
      expect(jsonRow?.['Amount As Written']).toBe('-£5 (a refund)');
      // Numbers are no text: a spreadsheet reads them as numbers.
      expect(csv.every((r) => !String(r['Amount Awarded']).startsWith("'"))).toBe(true);
    });

    it('marks totals and their shares, joint sums and conflicting figures so sums count each once', async () => {
      const { csv, json } = await checkAgainstApi(api);
      const view = json.map((r) => [
        r['Identifier'],
        r['Amount Awarded'],
        r['Line Role'],
        r['Breakdown Of'],
        r['Joint Group'],
        r['Conflict Group'],
        r['Counts In Sums'],
        r['Sum Line'],
      ]);
      expect(view).toEqual([
        ['funds.formula', null, null, null, null, null, true, 'edge:funds.formula'],
        ['funds.high', 70, null, null, null, 'theta-eta', true, 'group:theta-eta'],
        ['funds.joint-eta', 300, null, null, 'pooled', null, true, 'group:pooled'],
        ['funds.joint-zeta', 300, null, null, 'pooled', null, true, 'group:pooled'],
        ['funds.low', 50, null, null, null, 'theta-eta', true, 'group:theta-eta'],
        ['funds.named', null, null, null, null, null, true, 'edge:funds.named'],
        ['funds.share-one', 600, 'share', 'funds.total', null, null, true, 'edge:funds.share-one'],
        ['funds.share-two', 400, 'share', 'funds.total', null, null, true, 'edge:funds.share-two'],
        ['funds.total', 1000, 'total', null, null, null, false, 'edge:funds.total'],
      ]);
      // The shares (1,000), the joint sum once (300), the conflicting line at 50 to 70, nothing for
      // the two lines with no figure.
      expect(sumsByPeriod(csv)).toEqual({
        '2019/20 GBP': { low: 1350, high: 1370, lines: 6, relationships: 8 },
      });
      // Money to an organisation fills Recipient Org; the qualifier has a column of its own.
      expect(json.find((r) => r['Identifier'] === 'funds.high')).toMatchObject({
        'Recipient Org:Identifier': 'org.eta',
        'Recipient Org:Name': 'Eta CCG',
        'Recipient:Kind': 'Organisation',
        'Amount Qualifier': 'over',
        'Amount As Written': 'over £70',
      });
    });
  },
);

describe.each(ENGINES_UNDER_TEST)('funding downloads of the real HLP graph on %s', (engine) => {
  const api = servedGraph(engine, { seeds: 'real' });

  it('has every funding line once, its evidence, and sums per period equal to the API’s', async () => {
    const { csv, json } = await checkAgainstApi(api);
    // The rules are exercised, not vacuous: the real graph has totals, joint sums, conflicting
    // figures and lines with no figure.
    expect(csv.some((r) => r['Line Role'] === 'total')).toBe(true);
    expect(csv.some((r) => r['Joint Group'] !== '')).toBe(true);
    expect(csv.some((r) => r['Conflict Group'] !== '')).toBe(true);
    expect(csv.some((r) => r['Amount Awarded'] === '')).toBe(true);
    for (const row of json) {
      expect(row['Report']).toMatch(/\.txt/);
      expect(row['Lines']).toMatch(/^[^;]+\.txt:\d+-\d+(; [^;]+\.txt:\d+-\d+)*$/);
      expect(row['Planned Dates:Start Date']).toMatch(/^\d{4}-\d{2}-01$/);
      expect(row['Planned Dates:End Date']).toMatch(/^\d{4}-\d{2}-(28|29|30|31)$/);
      expect(String(row['Planned Dates:Start Date']) <= String(row['Planned Dates:End Date'])).toBe(true);
    }
  });
});
