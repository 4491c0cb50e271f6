import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeRecord } from '../model/records.js';
import { readSeedFiles, type SeedList } from './read-seeds.js';
import { evidenceSchema, type SeedEvidence } from './seed-schema.js';
import { validateSeeds } from './validate-seeds.js';

/** One evidence locator that does not hold up against its report. */
export interface SourceProblem {
  readonly file: string;
  readonly line: number;
  readonly record: string;
  readonly evidence: number;
  readonly message: string;
}

export interface SourceCheck {
  readonly checked: number;
  readonly problems: SourceProblem[];
}

/** Text as compared: lower case, one space for any run of blanks, plain quotes and dashes. */
export function normaliseText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—‑]/g, '-')
    .replace(/&amp;/g, '&')
    .replace(/\*\*/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const NUMBER = /(\d[\d,]*(?:\.\d+)?)\s*(k|m|bn|million|billion|thousand)?(?![a-z])/gi;
const SCALE: Readonly<Record<string, number>> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  million: 1e6,
  bn: 1e9,
  billion: 1e9,
};

/** Every number written in `text`, each read both as written and scaled by k/m/million, £ and commas dropped. */
export function numbersIn(text: string): number[] {
  const out: number[] = [];
  for (const match of text.replace(/£\s*/g, '').matchAll(NUMBER)) {
    const value = Number((match[1] ?? '').replace(/,/g, ''));
    if (!Number.isFinite(value)) continue;
    out.push(value);
    const scale = SCALE[(match[2] ?? '').toLowerCase()];
    if (scale) out.push(value * scale);
  }
  return out;
}

/** The numbers a figure as written means: 562,000 -> 562000, £1.2m -> 1200000. */
function figureValues(text: string): number[] {
  return [...text.replace(/£\s*/g, '').matchAll(NUMBER)].flatMap((match) => {
    const value = Number((match[1] ?? '').replace(/,/g, ''));
    const scale = SCALE[(match[2] ?? '').toLowerCase()] ?? 1;
    return Number.isFinite(value) ? [value * scale] : [];
  });
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.abs(b) * 1e-9;
}

/** Whether the needle (a name, or a figure as written) occurs in the passage. */
export function occursIn(needle: string, passage: string): boolean {
  const text = normaliseText(passage);
  const wanted = normaliseText(needle);
  if (text.includes(wanted)) return true;
  // A name broken over lines, or hyphenated at a break: compare without blanks and hyphens too.
  if (text.replace(/[\s-]/g, '').includes(wanted.replace(/[\s-]/g, ''))) return true;
  // A figure: every number it states must be written in the passage, in any notation.
  const wantedNumbers = figureValues(needle);
  if (wantedNumbers.length === 0) return false;
  const found = numbersIn(passage);
  return wantedNumbers.every((n) => found.some((f) => sameNumber(f, n)));
}

function needlesFor(
  record: Record<string, unknown>,
  list: SeedList,
  nodes: ReadonlyMap<string, NodeRecord>,
): { needles: string[]; all: boolean; what: string } {
  if (list === 'supplements') {
    const node = nodes.get(String(record['id']));
    return {
      needles: node ? [node.name, ...node.aliases] : [],
      all: false,
      what: 'the name or an alias of the node',
    };
  }
  if (list === 'nodes') {
    if (record['kind'] === 'Metric')
      return { needles: [String(record['valueText'])], all: true, what: 'its valueText' };
    const names = [String(record['name']), ...((record['aliases'] as string[] | undefined) ?? [])];
    return { needles: names, all: false, what: 'its name or an alias' };
  }
  if (record['kind'] === 'FUNDS')
    return { needles: [String(record['amountText'])], all: true, what: 'its amountText' };
  const ends = [record['from'], record['to']].flatMap((id) => {
    const node = nodes.get(String(id));
    return node ? [node.name, ...node.aliases] : [];
  });
  return { needles: ends, all: false, what: 'the name or an alias of either end' };
}

/**
 * Checks every evidence locator in the seeds against the reports in `sourcesDir`: the file exists,
 * the line range is inside it, and the recorded name or figure (or the evidence's `match` texts)
 * occurs in those lines. Seeds that do not validate are reported as such and not checked further.
 */
export function checkSources(seedsDir: string, sourcesDir: string): SourceCheck {
  const files = readSeedFiles(seedsDir);
  const { graph, problems: seedProblems } = validateSeeds(files);
  if (seedProblems.length > 0) {
    return {
      checked: 0,
      problems: seedProblems.map((p) => ({
        file: p.file,
        line: p.line ?? 1,
        record: p.record ?? '',
        evidence: -1,
        message: `seed problem: ${p.message}`,
      })),
    };
  }
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const reports = new Map<string, string[] | null>();
  const linesOf = (source: string) => {
    if (!reports.has(source)) {
      try {
        reports.set(source, readFileSync(join(sourcesDir, source), 'utf8').split('\n'));
      } catch {
        reports.set(source, null);
      }
    }
    return reports.get(source) ?? null;
  };

  const problems: SourceProblem[] = [];
  let checked = 0;
  for (const raw of files.records) {
    const record = raw.value as Record<string, unknown>;
    const id =
      typeof record['id'] === 'string'
        ? record['id']
        : `${String(record['kind'])} ${String(record['from'])} -> ${String(record['to'])}`;
    const evidence = ((record['evidence'] as unknown[] | undefined) ?? []).map((e) =>
      evidenceSchema.parse(e),
    );
    evidence.forEach((e: SeedEvidence, index) => {
      checked++;
      const at = {
        file: raw.file,
        line: raw.lineOf('evidence'),
        record: id,
        evidence: index,
      };
      const lines = linesOf(e.source);
      if (!lines) {
        problems.push({ ...at, message: `${e.source} is not in ${sourcesDir}` });
        return;
      }
      const [first, last] = e.lines;
      if (last > lines.length) {
        problems.push({
          ...at,
          message: `lines ${first}-${last} run past the end of ${e.source} (${lines.length} lines)`,
        });
        return;
      }
      const passage = lines.slice(first - 1, last).join('\n');
      const { needles, all, what } = e.match
        ? { needles: e.match, all: true, what: 'its match texts' }
        : needlesFor(record, raw.list, nodes);
      const missing = needles.filter((n) => !occursIn(n, passage));
      const ok = all ? missing.length === 0 : missing.length < needles.length;
      if (!ok) {
        const shown = (all ? missing : needles).map((n) => JSON.stringify(n)).join(', ');
        problems.push({
          ...at,
          message: `${e.source} lines ${first}-${last} (${e.section}) do not contain ${what}: ${shown}`,
        });
      }
    });
  }
  return { checked, problems };
}

export function formatSourceProblem(p: SourceProblem): string {
  const which = p.evidence >= 0 ? ` evidence ${p.evidence}` : '';
  return `${p.file}:${p.line} record ${p.record}${which}: ${p.message}`;
}
