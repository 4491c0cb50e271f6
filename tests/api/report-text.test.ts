import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EMAIL_PATTERN, PHONE_PATTERN } from '../../src/model/personal-data.js';
import { reportLines, SourcesUnavailableError } from '../../src/services/report-text.js';
import { ENGINES_UNDER_TEST, ROOT, tempDir } from '../support/env.js';
import { servedGraph } from '../support/harness.js';

const SOURCES = join(ROOT, '..', 'shared', 'sources');
const JULY_2016 = '001_49c4f6bfe52a8cec.txt';
const DELIVERABLES_2019_20 = '004_9bafb96c93e2c09d.txt';
const REPORT_FILES = [
  '000_90cc9f875cc8fefe.txt',
  JULY_2016,
  '002_c9df22367655df59.txt',
  '003_b0f40e3e773c1110.txt',
  DELIVERABLES_2019_20,
];
// In CI the repository is cloned alone and the reports beside it may not be there: the tests that read
// them say so and are skipped; those of a missing folder run anyway.
const HAVE_SOURCES = REPORT_FILES.every((f) => existsSync(join(SOURCES, f)));
if (!HAVE_SOURCES)
  console.warn(`[report-text] tests that read the reports skipped: no reports at ${SOURCES}`);

const EMAIL_ANYWHERE = new RegExp(EMAIL_PATTERN.source, 'g');

/** A report file's lines as the seeds' evidence locators number them (check-sources reads them so). */
function fileLines(source: string): string[] {
  const text = readFileSync(join(SOURCES, source), 'utf8');
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines;
}

interface ReportLine {
  number: number;
  text: string;
}
interface ReportText {
  lineCount: number;
  from: number;
  to: number;
  lines: ReportLine[];
}

const TEXT = `query($id: ID!, $from: Int, $to: Int) {
  node(id: $id) { ... on Report { source text(from: $from, to: $to) { lineCount from to lines { number text } } } }
}`;

describe.each(ENGINES_UNDER_TEST)("a report's text on %s", (engine) => {
  const api = servedGraph(engine, { seeds: 'real', config: { HLP_SOURCES_DIR: SOURCES } });
  /** Each report's global id, by file name. */
  const reportIds = new Map<string, string>();

  async function textOf(source: string, range: { from?: number; to?: number } = {}): Promise<ReportText> {
    const data = await api.gqlData<{ node: { text: ReportText } }>(TEXT, {
      id: reportIds.get(source),
      ...range,
    });
    return data.node.text;
  }

  beforeAll(async () => {
    const { reports } = await api.gqlData<{ reports: { edges: { node: { id: string; source: string } }[] } }>(
      '{ reports(first: 10) { edges { node { id source } } } }',
    );
    for (const { node } of reports.edges) reportIds.set(node.source, node.id);
    expect([...reportIds.keys()].sort()).toEqual(REPORT_FILES);
  });

  describe.runIf(HAVE_SOURCES)('from the sources folder', () => {
    it('serves the July 2016 report with every email address masked, and every other line as written', async () => {
      const raw = fileLines(JULY_2016);
      const rawWithEmail = raw.flatMap((line, i) => (EMAIL_PATTERN.test(line) ? [i + 1] : []));
      // The contacts table and the footer: the file does hold addresses, so this test can fail.
      expect(rawWithEmail).toHaveLength(15);
      expect(rawWithEmail).toContain(226);

      const text = await textOf(JULY_2016);
      expect(text.lines.filter((l) => l.text.includes('@'))).toEqual([]);
      expect(text.lines.filter((l) => l.text.includes('[email removed]')).map((l) => l.number)).toEqual(
        rawWithEmail,
      );
      expect(text.lines).toEqual(
        raw.map((line, i) => ({ number: i + 1, text: line.replace(EMAIL_ANYWHERE, '[email removed]') })),
      );
    });

    it('serves no email address or phone number from any report', async () => {
      for (const source of REPORT_FILES) {
        for (const line of (await textOf(source)).lines) {
          expect(EMAIL_PATTERN.test(line.text), `${source}:${line.number}`).toBe(false);
          expect(PHONE_PATTERN.test(line.text), `${source}:${line.number}`).toBe(false);
          // Nor the first part of one the text breaks with a space, left beside the mask.
          expect(line.text, `${source}:${line.number}`).not.toMatch(/\w\.\w+ \[email removed\]/);
          // Checked apart from the masking's own pattern: no @ at all but in a social media handle.
          expect(
            line.text.replace(/(^|[\s([])@[A-Za-z0-9_]+\b/g, '$1'),
            `${source}:${line.number}`,
          ).not.toContain('@');
        }
      }
    });

    it("counts each report's lines as its file has them", async () => {
      for (const source of REPORT_FILES) {
        const text = await textOf(source, { from: 1, to: 1 });
        expect(text.lineCount, source).toBe(fileLines(source).length);
      }
      // 277 lines ending in a newline: `wc -l` counts them too.
      expect((await textOf(JULY_2016, { to: 1 })).lineCount).toBe(277);
    });

    it("serves a range as the file's lines, numbered as the seeds' evidence numbers them", async () => {
      // seeds/deliverables-2019-20/funding-totals.yaml cites lines 60-62 for Mental Health's £770,000.
      const text = await textOf(DELIVERABLES_2019_20, { from: 60, to: 62 });
      expect(text).toMatchObject({ from: 60, to: 62, lineCount: fileLines(DELIVERABLES_2019_20).length });
      expect(text.lines).toEqual(
        fileLines(DELIVERABLES_2019_20)
          .slice(59, 62)
          .map((line, i) => ({ number: 60 + i, text: line })),
      );
      expect(text.lines[2]?.text).toContain('Mental Health Transformation');
      expect(text.lines[2]?.text).toContain('£770,000');
    });

    it("shows a node's name in the lines its evidence cites, with the contact's address masked", async () => {
      const { people } = await api.gqlData<{
        people: {
          edges: {
            node: {
              name: string;
              evidence: { source: string; firstLine: number; lastLine: number; report: { id: string } }[];
            };
          }[];
        };
      }>(
        '{ people(filter: { nameContains: "Teresa Moss" }, first: 1) { edges { node { name evidence { source firstLine lastLine report { id } } } } } }',
      );
      const person = people.edges[0]?.node;
      expect(person?.name).toBe('Teresa Moss');
      const evidence = person?.evidence[0];
      expect(evidence).toMatchObject({ source: JULY_2016, firstLine: 226, lastLine: 226 });
      const data = await api.gqlData<{ node: { text: ReportText } }>(TEXT, {
        id: evidence?.report.id,
        from: evidence?.firstLine,
        to: evidence?.lastLine,
      });
      expect(data.node.text.lines).toEqual([
        { number: 226, text: expect.stringContaining('Cancer Teresa Moss [email removed]') },
      ]);
    });

    it('stops a range that runs past the end at the last line', async () => {
      const text = await textOf(JULY_2016, { from: 270, to: 1000 });
      expect(text).toMatchObject({ from: 270, to: 277, lineCount: 277 });
      expect(text.lines.map((l) => l.number)).toEqual([270, 271, 272, 273, 274, 275, 276, 277]);
    });

    it.each([
      [{ from: 0 }, 'from must be at least 1 (lines count from 1), got 0'],
      [{ to: -3 }, 'to must be at least 1 (lines count from 1), got -3'],
      [{ from: 5, to: 4 }, 'from must not come after to, got from 5 and to 4'],
      [{ from: 278 }, "from must be at most the report's last line (277), got 278"],
    ])('refuses the range %o as BAD_USER_INPUT: %s', async (range, message) => {
      const answer = await api.post(TEXT, { id: reportIds.get(JULY_2016), ...range });
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([
        expect.objectContaining({ message, extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
      ]);
      expect(answer.body.data).toEqual({ node: { source: JULY_2016, text: null } });
    });

    it('reads each file once: its text is still served after the file is gone', async () => {
      const folder = tempDir('sources');
      copyFileSync(join(SOURCES, JULY_2016), join(folder, JULY_2016));
      const copyApp = api.with({ HLP_SOURCES_DIR: folder });
      const ask = () =>
        copyApp.gqlData<{ node: { text: ReportText } }>(TEXT, { id: reportIds.get(JULY_2016) });
      const first = await ask();
      rmSync(join(folder, JULY_2016));
      const second = await ask();
      expect(second.node.text.lineCount).toBe(277);
      expect(second).toEqual(first);
    });
  });

  describe('without the reports', () => {
    it('answers SOURCES_UNAVAILABLE naming the file and the folder setting when the folder does not exist, and serves the rest', async () => {
      const missing = join(tempDir('no-sources'), 'not-there');
      const noSources = api.with({ HLP_SOURCES_DIR: missing });
      for (let attempt = 0; attempt < 2; attempt++) {
        const answer = await noSources.post(TEXT, { id: reportIds.get(JULY_2016), from: 1, to: 3 });
        expect(answer.status).toBe(200);
        expect(answer.body.data).toEqual({ node: { source: JULY_2016, text: null } });
        expect(answer.body.errors).toEqual([
          expect.objectContaining({
            message: `the text of report ${JULY_2016} is unavailable: the sources folder (HLP_SOURCES_DIR) does not exist`,
            path: ['node', 'text'],
            extensions: { code: 'SOURCES_UNAVAILABLE' },
          }),
        ]);
        // The README's error contract: no server path reaches a client (it goes to the log).
        expect(JSON.stringify(answer.body)).not.toContain(missing);
      }
      // The service is still up and answers what does not need the reports.
      const { reports } = await noSources.gqlData<{ reports: { edges: unknown[] } }>(
        '{ reports(first: 10) { edges { node { id } } } }',
      );
      expect(reports.edges).toHaveLength(5);
    });

    it('says which file is missing when the folder is there but the report is not', async () => {
      const empty = tempDir('empty-sources');
      const answer = await api.with({ HLP_SOURCES_DIR: empty }).post(TEXT, {
        id: reportIds.get(DELIVERABLES_2019_20),
      });
      expect(answer.body.errors?.[0]).toMatchObject({
        message: `the text of report ${DELIVERABLES_2019_20} is unavailable: ${DELIVERABLES_2019_20} is not in the sources folder (HLP_SOURCES_DIR)`,
        extensions: { code: 'SOURCES_UNAVAILABLE' },
      });
    });

    it('masks an address whose text a space breaks, the whole of it', async () => {
      const folder = tempDir('sources');
      writeFileSync(
        join(folder, DELIVERABLES_2019_20),
        [
          'Write to team.north west@example.org for the pack.',
          'Or j.smith@example.org, or ring 020 7123 4567.',
          'The U.K. office is in London.',
          '',
        ].join('\n'),
      );
      const { node } = await api
        .with({ HLP_SOURCES_DIR: folder })
        .gqlData<{ node: { text: ReportText } }>(TEXT, { id: reportIds.get(DELIVERABLES_2019_20) });
      expect(node.text.lines.map((l) => l.text)).toEqual([
        'Write to [email removed] for the pack.',
        'Or [email removed], or ring [phone number removed].',
        'The U.K. office is in London.',
      ]);
    });

    it('refuses a bad range before looking for the file', async () => {
      const noSources = api.with({ HLP_SOURCES_DIR: join(tempDir('no-sources'), 'not-there') });
      const answer = await noSources.post(TEXT, { id: reportIds.get(JULY_2016), from: 3, to: 2 });
      expect(answer.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    });

    it('reads at most two report texts in one request: every evidence list reaches a report', async () => {
      const noSources = api.with({ HLP_SOURCES_DIR: join(tempDir('no-sources'), 'not-there') });
      const answer = await noSources.post(
        `query($id: ID!) { node(id: $id) { ... on Report { a: text(from: 1, to: 1) { lineCount } b: text(from: 2, to: 2) { lineCount } c: text(from: 3, to: 3) { lineCount } } } }`,
        { id: reportIds.get(JULY_2016) },
      );
      const codes = (answer.body.errors ?? []).map((e) => e.extensions?.['code']);
      // Two are read (and here find no folder); the third is refused before any read.
      expect(codes.filter((c) => c === 'BAD_USER_INPUT')).toHaveLength(1);
      expect(codes.filter((c) => c === 'SOURCES_UNAVAILABLE')).toHaveLength(2);
      expect(answer.body.errors?.find((e) => e.extensions?.['code'] === 'BAD_USER_INPUT')?.message).toMatch(
        /at most 2 report texts in one request/,
      );
    });
  });
});

describe('reading a report file', () => {
  it('reads only a plain file name inside the sources folder', async () => {
    const root = tempDir('traversal');
    const folder = join(root, 'sources');
    mkdirSync(folder);
    writeFileSync(join(root, 'secret.txt'), 'not a report\n');
    for (const source of ['../secret.txt', `${root}/secret.txt`, '.hidden', 'sub/../../secret.txt', '']) {
      await expect(reportLines(folder, source), source).rejects.toThrow(SourcesUnavailableError);
      await expect(reportLines(folder, source), source).rejects.toThrow('is not a plain file name');
    }
  });
});
