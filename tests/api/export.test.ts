import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { FIXTURE_SEEDS, tempDir, testEnv } from '../support/env.js';

describe('hlp-graph export', () => {
  it('writes the graph read from the store in the stable JSON shape, to stdout or a file', async () => {
    const env = testEnv('kuzu', { HLP_SEEDS_DIR: FIXTURE_SEEDS });
    expect((await runCli(['load'], env)).code).toBe(0);
    const out = join(tempDir('export'), 'graph.json');
    const toFile = await runCli(['export', '--format', 'json', '--out', out], env);
    expect(toFile.code).toBe(0);
    const toStdout = await runCli(['export'], env);
    expect(toStdout.stdout).toBe(readFileSync(out, 'utf8'));
    const graph = JSON.parse(toStdout.stdout) as {
      nodes: Record<string, unknown>[];
      edges: Record<string, unknown>[];
    };
    expect(graph.nodes.find((n) => n['id'] === 'org.alpha-ccgs')).toEqual({
      id: 'org.alpha-ccgs',
      kind: 'Organisation',
      name: 'Alpha CCGs',
      aliases: ['ACCG'],
      properties: { category: 'ccg' },
      evidence: [
        { source: '004_9bafb96c93e2c09d.txt', lines: [60, 60], section: 'Funding and Impact Summary' },
      ],
    });
    expect(graph.edges.find((e) => e['id'] === 'funds:org.alpha-ccgs:prog.mind:2019/20:core')).toEqual({
      id: 'funds:org.alpha-ccgs:prog.mind:2019/20:core',
      kind: 'FUNDS',
      from: 'org.alpha-ccgs',
      to: 'prog.mind',
      properties: {
        period: '2019/20',
        // Worked out from the period; the fixture's report covers 2019/20, so the period is its report's.
        periodFrom: '2019-04',
        periodTo: '2020-03',
        periodBasis: 'report',
        amount: 562000,
        currency: 'GBP',
        fundingKind: 'core',
        amountText: '£562,000',
        status: 'single',
        ordersApart: 0,
      },
      evidence: [
        { source: '004_9bafb96c93e2c09d.txt', lines: [62, 62], section: 'Funding and Impact Summary' },
      ],
    });
    const metric = graph.nodes.find((n) => n['kind'] === 'Metric');
    expect(Object.keys(metric?.['properties'] as object)).toEqual(
      expect.arrayContaining(['value', 'unit', 'qualifier', 'period']),
    );
  });

  it('refuses to export a store that holds no graph, saying where it looked', async () => {
    const env = testEnv('kuzu');
    const result = await runCli(['export'], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      `hlp-graph: STORE_EMPTY: the kuzu store (${env['HLP_DATA_DIR']}) holds no graph`,
    );
  });

  it('refuses a format it does not write', async () => {
    const result = await runCli(['export', '--format', 'xml'], testEnv('kuzu'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('export --format must be json, got "xml"');
  });
});
