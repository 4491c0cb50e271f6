import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { ROOT, tempDir, testEnv } from '../support/env.js';

const INVALID = join(ROOT, 'tests/fixtures/seeds/invalid');

describe('hlp-graph validate', () => {
  it('accepts valid seeds and says what they hold', async () => {
    const result = await runCli(['validate'], testEnv('kuzu'));
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('seeds are valid: 16 nodes and 16 relationships in 1 files');
    expect(result.code).toBe(0);
  });

  it('gives one clear message per problem: wrong type, dangling reference, duplicate id, personal data', async () => {
    const result = await runCli(['validate'], testEnv('kuzu', { HLP_SEEDS_DIR: INVALID }));
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toBe('hlp-graph: SEED_INVALID: the seeds have 4 problem(s); nothing was written:');
    expect(lines.slice(1).map((l) => l.trim())).toEqual([
      'invalid/broken.yaml:6 record award.wrong-type field year: expected a whole number, got "twenty nineteen"',
      'invalid/broken.yaml:17 record person.contact field title: looks like an email address: personal data must never be stored',
      'invalid/broken.yaml:22 record part_of:proj.calm-app:prog.does-not-exist field to: no node has the id prog.does-not-exist',
      'invalid/graph.yaml:19 record org.alpha-ccgs field id: duplicate id: already used at invalid/broken.yaml:9',
    ]);
    // The message must not repeat the personal data it found.
    expect(result.stderr).not.toContain('@example');
  });

  it('names the file and line of a YAML syntax error and of an unknown field', async () => {
    const { writeFileSync, copyFileSync } = await import('node:fs');
    const dir = tempDir('seeds');
    copyFileSync(join(ROOT, 'tests/fixtures/seeds/valid/graph.yaml'), join(dir, 'graph.yaml'));
    writeFileSync(join(dir, 'syntax.yaml'), 'nodes:\n  - id: org.x\n    name: [unclosed\n');
    writeFileSync(
      join(dir, 'typo.yaml'),
      'nodes:\n  - id: org.typo\n    kind: Organisation\n    name: Typo Org\n    categroy: ccg\n    category: ccg\n    evidence: [{ source: 000_90cc9f875cc8fefe.txt, lines: [1, 1], section: Foreword }]\n',
    );
    const result = await runCli(['validate'], testEnv('kuzu', { HLP_SEEDS_DIR: dir }));
    expect(result.code).toBe(1);
    const name = dir.split('/').pop();
    expect(result.stderr).toMatch(new RegExp(`${name}/syntax\\.yaml:\\d+: not valid YAML`));
    expect(result.stderr).toContain(`${name}/typo.yaml:2 record org.typo: unknown field(s) categroy`);
  });

  it('refuses a period it cannot read and says which forms it reads; takes its words in periodText', async () => {
    const { readFileSync, writeFileSync } = await import('node:fs');
    const dir = tempDir('seeds');
    writeFileSync(
      join(dir, 'graph.yaml'),
      readFileSync(join(ROOT, 'tests/fixtures/seeds/valid/graph.yaml'), 'utf8'),
    );
    const evidence = '{ source: 000_90cc9f875cc8fefe.txt, lines: [910, 910], section: Projects }';
    const metric = (id: string, period: string) =>
      `  - { id: metric.${id}, kind: Metric, name: M ${id}, value: 1, unit: people, valueText: "1", measure: users, ${period}, evidence: [${evidence}] }`;
    writeFileSync(
      join(dir, 'periods.yaml'),
      [
        'nodes:',
        metric('since', 'period: since November 2017'),
        metric('backwards', 'period: 2019 to 2018'),
        metric('wrong-fy', 'period: 2019/21'),
        metric('ok', 'period: November 2017 to March 2020, periodText: since November 2017'),
        'edges:',
        `  - { kind: PART_OF, from: proj.calm-app, to: prog.mind, period: Q3 2018, evidence: [${evidence}] }`,
        '',
      ].join('\n'),
    );
    const result = await runCli(['validate'], testEnv('kuzu', { HLP_SEEDS_DIR: dir }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the seeds have 4 problem(s)');
    for (const [line, record, got] of [
      [2, 'metric.since', 'since November 2017'],
      [3, 'metric.backwards', '2019 to 2018'],
      [4, 'metric.wrong-fy', '2019/21'],
      [7, '#1 of edges', 'Q3 2018'],
    ] as const) {
      expect(result.stderr).toContain(
        `periods.yaml:${line} record ${record} field period: expected a period like 2019/20, 2018, March 2020, or two of them joined by " to " (2015 to 2020, April to June 2016) (other words go in periodText), got "${got}"`,
      );
    }
    expect(result.stderr).not.toContain('metric.ok');
  });

  it('refuses a former id that a node still has or two nodes claim, and says where a reference to one should point', async () => {
    const { readFileSync, writeFileSync } = await import('node:fs');
    const dir = tempDir('seeds');
    const graph = readFileSync(join(ROOT, 'tests/fixtures/seeds/valid/graph.yaml'), 'utf8');
    writeFileSync(join(dir, 'graph.yaml'), graph);
    const evidence =
      '{ source: 004_9bafb96c93e2c09d.txt, lines: [62, 62], section: Funding and Impact Summary }';
    writeFileSync(
      join(dir, 'merged.yaml'),
      [
        'nodes:',
        // Claims an id prog.mind already took, and the id of a live node.
        `  - { id: prog.heart, kind: Programme, name: Heart Programme, formerIds: [prog.mind-2018-19, proj.calm-app], evidence: [${evidence}] }`,
        'edges:',
        `  - { kind: PART_OF, from: proj.calm-app, to: prog.mind-2018-19, evidence: [${evidence}] }`,
        '',
      ].join('\n'),
    );
    const result = await runCli(['validate'], testEnv('kuzu', { HLP_SEEDS_DIR: dir }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the seeds have 3 problem(s)');
    expect(result.stderr).toMatch(
      /merged\.yaml:2 record prog\.heart field formerIds: former id prog\.mind-2018-19 is claimed by prog\.mind too/,
    );
    expect(result.stderr).toMatch(
      /merged\.yaml:2 record prog\.heart field formerIds: former id proj\.calm-app is the id of a node/,
    );
    expect(result.stderr).toContain(
      'field to: no node has the id prog.mind-2018-19 (it was merged into prog.mind: refer to that)',
    );
  });

  it('reports a node written wrongly once, not again as a dangling reference from each of its relationships', async () => {
    const { readFileSync, writeFileSync } = await import('node:fs');
    const dir = tempDir('seeds');
    const graph = readFileSync(join(ROOT, 'tests/fixtures/seeds/valid/graph.yaml'), 'utf8');
    // Alpha CCGs funds two programmes: its category made wrong must be the only problem.
    writeFileSync(join(dir, 'graph.yaml'), graph.replace('    category: ccg\n', '    category: 12\n'));
    const result = await runCli(['validate'], testEnv('kuzu', { HLP_SEEDS_DIR: dir }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the seeds have 1 problem(s)');
    expect(result.stderr).toMatch(/graph\.yaml:\d+ record org\.alpha-ccgs field category: /);
    expect(result.stderr).not.toContain('no node has the id');
  });
});
