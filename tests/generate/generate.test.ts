import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CORE_SCHEMA, load } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { GenerateUsageError, parseGenerateArgs } from '../../src/generate/generate-command.js';
import { runCli, startCli } from '../support/cli.js';
import { tempDir as makeTempDir } from '../support/env.js';

/** Generated graphs are large: every temp directory of this file is removed at its end. */
const temps: string[] = [];
function tempDir(prefix: string): string {
  const dir = makeTempDir(prefix);
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** A record as the tests read it back from a generated seed file. */
type Seed = Record<string, unknown> & {
  kind: string;
  evidence: { source: string; lines: [number, number]; section: string }[];
};

function readGraph(dir: string): { nodes: Seed[]; edges: Seed[]; files: string[] } {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  const nodes: Seed[] = [];
  const edges: Seed[] = [];
  for (const file of files) {
    const doc = load(readFileSync(join(dir, file), 'utf8'), { schema: CORE_SCHEMA }) as {
      nodes?: Seed[];
      edges?: Seed[];
    };
    nodes.push(...(doc.nodes ?? []));
    edges.push(...(doc.edges ?? []));
  }
  return { nodes, edges, files };
}

/** Hash of every file's name and bytes, in name order. */
function hashDir(dir: string): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(dir).sort())
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(dir, file)));
  return hash.digest('hex');
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

const generate = (relationships: number, seed: number, out: string) =>
  runCli(['generate', '--relationships', String(relationships), '--seed', String(seed), '--out', out], {});

describe('hlp-graph generate', () => {
  it('writes a small graph that validates and has the shape the issue asks for', async () => {
    const out = join(tempDir('generate'), 'graph');
    const result = await generate(3000, 7, out);
    expect(result.code).toBe(0);
    // Progress lines only (a slow machine may take more than a second), no warnings.
    expect(result.stderr.split('\n').filter((l) => l && !l.startsWith('generate: '))).toEqual([]);
    expect(result.stdout).toMatch(/^generated \d[\d,]* nodes and 3,000 relationships \(seed 7\)/);
    expect(result.stdout).toMatch(/^relationships: FUNDS /m);

    const validated = await runCli(['validate'], { HLP_SEEDS_DIR: out });
    expect(validated.stderr).toBe('');
    expect(validated.stdout).toMatch(/^seeds are valid: \d+ nodes and 3000 relationships/);
    expect(validated.code).toBe(0);

    const { nodes, edges } = readGraph(out);
    expect(edges).toHaveLength(3000);
    const funds = edges.filter((e) => e.kind === 'FUNDS');
    expect(funds.length / edges.length).toBeGreaterThanOrEqual(0.5);
    expect(funds.length / edges.length).toBeLessThanOrEqual(0.6);
    expect(nodes.length / edges.length).toBeGreaterThan(0.17);
    expect(nodes.length / edges.length).toBeLessThan(0.21);
    const kinds = countBy(edges, (e) => e.kind);
    for (const kind of ['PARTNERS_WITH', 'DELIVERS', 'LEADS', 'PART_OF', 'AIMS_AT', 'MEASURES', 'WORKS_FOR'])
      expect(kinds.get(kind), kind).toBeGreaterThan(0);

    // One Report, cited by every record.
    const reports = nodes.filter((n) => n.kind === 'Report');
    expect(reports).toHaveLength(1);
    const source = reports[0]?.['source'];
    expect(source).toMatch(/^\d{3}_[0-9a-f]+\.txt$/);
    for (const r of [...nodes, ...edges]) for (const e of r.evidence) expect(e.source).toBe(source);

    // Funders: every organisation that funds funds at least one thing, about 6 on average, and a hub
    // funds many more.
    const lines = [...countBy(funds, (e) => String(e['from'])).values()];
    const mean = funds.length / lines.length;
    expect(Math.min(...lines)).toBeGreaterThanOrEqual(1);
    expect(mean).toBeGreaterThan(4);
    expect(mean).toBeLessThan(9);
    expect(Math.max(...lines)).toBeGreaterThan(10 * mean);
    expect(new Set(funds.map((e) => e['period'])).size).toBeGreaterThanOrEqual(3);
    for (const e of funds) {
      expect(e['currency']).toBe('GBP');
      expect(e['amount']).toBeGreaterThan(0);
      expect(e['amountText']).toMatch(/^£/);
    }

    // Conflict groups: two reports of one line (same ends), some with different amounts.
    const groups = new Map<string, Seed[]>();
    for (const e of funds) {
      const group = e['conflictGroup'];
      if (typeof group === 'string') groups.set(group, [...(groups.get(group) ?? []), e]);
    }
    expect(groups.size).toBeGreaterThan(0);
    for (const [a, b, ...rest] of groups.values()) {
      expect(rest).toEqual([]);
      expect([b?.['from'], b?.['to']]).toEqual([a?.['from'], a?.['to']]);
    }
    expect([...groups.values()].some(([a, b]) => a?.['amount'] !== b?.['amount'])).toBe(true);

    // Breakdowns: shares of a line that is not itself a share, adding up to it.
    const byId = new Map(funds.map((e) => [e['id'], e]));
    const shares = countBy(
      funds.filter((e) => typeof e['breakdownOf'] === 'string'),
      (e) => String(e['breakdownOf']),
    );
    expect(shares.size).toBeGreaterThan(0);
    for (const parent of shares.keys()) {
      const line = byId.get(parent);
      expect(line?.['breakdownOf']).toBeUndefined();
      const sum = funds
        .filter((e) => e['breakdownOf'] === parent)
        .reduce((s, e) => s + Number(e['amount']), 0);
      expect(sum).toBe(line?.['amount']);
    }

    // Names to sort and search on: non-ASCII letters, aliases, and namesakes with different ids.
    const names = nodes.map((n) => String(n['name']));
    expect(names.some((n) => /[é’ëöüñ]/.test(n))).toBe(true);
    expect(nodes.filter((n) => Array.isArray(n['aliases'])).length).toBeGreaterThan(nodes.length / 20);
    const namesakes = [...countBy(nodes, (n) => String(n['name'])).values()].filter((c) => c > 1);
    expect(namesakes.length).toBeGreaterThan(0);
  });

  it('gives the same bytes for the same seed and another graph for another seed, file by file', async () => {
    const base = tempDir('generate');
    const runs = await Promise.all(
      [
        ['a', 11],
        ['b', 11],
        ['c', 12],
      ].map(async ([name, seed]) => {
        const out = join(base, String(name));
        const result = await generate(21_000, Number(seed), out);
        expect(result.code).toBe(0);
        return out;
      }),
    );
    const [a, b, c] = runs.map(hashDir);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    // Several files, none over 20,000 records.
    const files = readdirSync(runs[0] as string).filter((f) => f.endsWith('.yaml'));
    expect(files).toEqual(['edges-000.yaml', 'edges-001.yaml', 'nodes-000.yaml']);
    for (const file of files) {
      const records = readFileSync(join(runs[0] as string, file), 'utf8').match(/^ {2}- /gm) ?? [];
      expect(records.length).toBeLessThanOrEqual(20_000);
    }
  });

  it('refuses an --out that holds something, with one line and exit 2, and leaves it as it was', async () => {
    const out = tempDir('generate');
    writeFileSync(join(out, 'keep.txt'), 'mine');
    const result = await generate(100, 1, out);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      `hlp-graph: generate: --out ${out} exists and is not empty; give a new or empty directory`,
    ]);
    expect(readdirSync(out)).toEqual(['keep.txt']);
    expect(readFileSync(join(out, 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('accepts an empty --out directory', async () => {
    const out = tempDir('generate');
    const result = await generate(50, 1, out);
    expect(result.code).toBe(0);
    expect(readdirSync(out)).toContain('nodes-000.yaml');
  });

  it('says in one line what is wrong with bad arguments, and exits 2', async () => {
    const out = join(tempDir('generate'), 'graph');
    // Through the CLI for the exit code and the one line; every message is checked below, faster.
    const cases: [string[], string][] = [
      [['--seed', '1', '--out', out], '--relationships N is required (a whole number from 1 to 10,000,000)'],
      [
        ['--relationships', '0', '--out', out],
        '--relationships must be a whole number from 1 to 10,000,000, got "0"',
      ],
      [['--relationships', '10', '--seed', 'x', '--out', out], '--seed must be a whole number, got "x"'],
    ];
    const results = await Promise.all(cases.map(([args]) => runCli(['generate', ...args], {})));
    results.forEach((result, i) => {
      const [args, message] = cases[i] as [string[], string];
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toEqual([`hlp-graph: generate: ${message}`]);
    });
    expect(existsSync(out)).toBe(false);
  });

  it('names the bad argument: not a number, out of range, missing, unknown, extra', () => {
    const problem = (args: string[]) => {
      const { positionals, values } = parseArgs({
        args: ['generate', ...args],
        allowPositionals: true,
        strict: false,
        options: { relationships: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } },
      });
      try {
        parseGenerateArgs(positionals, values);
        return 'accepted';
      } catch (error) {
        expect(error).toBeInstanceOf(GenerateUsageError);
        return (error as Error).message;
      }
    };
    expect(problem(['--relationships', 'many', '--out', 'x'])).toMatch(
      /--relationships must be .*got "many"/,
    );
    expect(problem(['--relationships', '2.5', '--out', 'x'])).toMatch(/got "2.5"/);
    expect(problem(['--relationships', '-3', '--out', 'x'])).toMatch(/got "-3"/);
    expect(problem(['--relationships', '10000001', '--out', 'x'])).toMatch(/got "10000001"/);
    expect(problem(['--relationships', '10000000', '--out', 'x'])).toBe('accepted');
    expect(problem(['--relationships', '10', '--seed', '1e3', '--out', 'x'])).toMatch(
      /--seed must be .*got "1e3"/,
    );
    expect(problem(['--relationships', '10', '--seed', '-42', '--out', 'x'])).toBe('accepted');
    expect(problem(['--relationships', '10'])).toBe('--out DIR is required (a new or empty directory)');
    expect(problem(['--out', 'x', '--relationships'])).toBe('--relationships needs a value');
    expect(problem(['--relationships', '10', '--out', 'x', '--format', 'csv'])).toMatch(
      /^unknown option --format/,
    );
    expect(problem(['--relationships', '10', '--out', 'x', 'extra'])).toBe('unexpected argument "extra"');
  });

  it('leaves no --out directory when killed half-way, and the next run clears what it left', async () => {
    const parent = tempDir('generate');
    const out = join(parent, 'graph');
    const run = startCli(['generate', '--relationships', '1000000', '--seed', '3', '--out', out], {});
    // The first progress line: files are being written, and a million relationships take seconds more.
    await run.waitFor(/written/);
    run.child.kill('SIGKILL');
    await run.stop();
    expect(existsSync(out)).toBe(false);
    const leftovers = readdirSync(parent);
    expect(leftovers).toEqual([`.graph.generating-${run.child.pid}`]);
    // It was killed with files half-written, in the temporary directory only.
    expect(readdirSync(join(parent, leftovers[0] as string))).toContain('nodes-000.yaml');

    const next = await generate(200, 3, out);
    expect(next.code).toBe(0);
    expect(readdirSync(parent)).toEqual(['graph']);
  });

  it('stops on SIGTERM with exit 143, writing nothing and leaving nothing behind', async () => {
    const parent = tempDir('generate');
    mkdirSync(join(parent, 'graph'));
    const out = join(parent, 'graph');
    const run = startCli(['generate', '--relationships', '1000000', '--out', out], {});
    await run.waitFor(/nodes written/);
    expect(await run.stop()).toBe(143);
    expect(run.output()).toContain(`hlp-graph: generate: interrupted by SIGTERM; ${out} was not written`);
    // The empty directory it was given is still there and still empty.
    expect(readdirSync(parent)).toEqual(['graph']);
    expect(readdirSync(out)).toEqual([]);
  });
});
