import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './env.js';

/**
 * A valid seed set of `count` organisations in a chain of relationships: big enough that writing it
 * takes seconds, so a test can interrupt a load half-way.
 */
export function bigSeeds(count: number): string {
  const dir = tempDir('big-seeds');
  const ev = '[{ source: 000_90cc9f875cc8fefe.txt, lines: [1, 2], section: Foreword }]';
  const lines = [
    'nodes:',
    `  - { id: report.big, kind: Report, name: Big, source: 000_90cc9f875cc8fefe.txt, evidence: ${ev} }`,
  ];
  for (let i = 0; i < count; i++) {
    lines.push(
      `  - { id: org.big-${i}, kind: Organisation, name: Big Org ${i}, category: other, evidence: ${ev} }`,
    );
  }
  lines.push('edges:');
  for (let i = 1; i < count; i++) {
    lines.push(`  - { kind: PARTNERS_WITH, from: org.big-${i}, to: org.big-${i - 1}, evidence: ${ev} }`);
  }
  writeFileSync(join(dir, 'big.yaml'), `${lines.join('\n')}\n`);
  return dir;
}

/**
 * A dense seed graph for batching tests: every organisation funds every programme (amounts rising
 * with the programme's number, so "largest first" reaches programmes no root page listed), and
 * every programme has projects with partners. Any page size reaches every level of a nested query.
 */
export function wideSeeds(programmes = 8, organisations = 12, projectsEach = 3): string {
  const dir = tempDir('wide-seeds');
  const ev = '[{ source: 004_9bafb96c93e2c09d.txt, lines: [60, 62], section: Funding }]';
  const pad = (i: number) => String(i).padStart(2, '0');
  const lines = [
    'nodes:',
    `  - { id: report.wide, kind: Report, name: Wide, source: 004_9bafb96c93e2c09d.txt, evidence: ${ev} }`,
  ];
  for (let p = 0; p < programmes; p++) {
    lines.push(
      `  - { id: prog.p${pad(p)}, kind: Programme, name: Programme ${pad(p)}, period: 2019/20, evidence: ${ev} }`,
    );
    for (let j = 0; j < projectsEach; j++) {
      lines.push(
        `  - { id: proj.p${pad(p)}-${j}, kind: Project, name: Project ${pad(p)}-${j}, category: pilot, evidence: ${ev} }`,
      );
    }
  }
  for (let o = 0; o < organisations; o++) {
    lines.push(
      `  - { id: org.o${pad(o)}, kind: Organisation, name: Org ${pad(o)}, category: other, evidence: ${ev} }`,
    );
  }
  lines.push('edges:');
  for (let o = 0; o < organisations; o++) {
    for (let p = 0; p < programmes; p++) {
      const amount = (p + 1) * 1000 + o;
      lines.push(
        `  - { kind: FUNDS, from: org.o${pad(o)}, to: prog.p${pad(p)}, amount: ${amount}, currency: GBP, amountText: '${amount}', fundingKind: core, period: 2019/20, evidence: ${ev} }`,
      );
    }
  }
  for (let p = 0; p < programmes; p++) {
    for (let j = 0; j < projectsEach; j++) {
      lines.push(`  - { kind: PART_OF, from: proj.p${pad(p)}-${j}, to: prog.p${pad(p)}, evidence: ${ev} }`);
      lines.push(
        `  - { kind: PARTNERS_WITH, from: org.o${pad((p + j) % organisations)}, to: proj.p${pad(p)}-${j}, evidence: ${ev} }`,
      );
    }
  }
  writeFileSync(join(dir, 'wide.yaml'), `${lines.join('\n')}\n`);
  return dir;
}

/**
 * A valid seed set over several files, except for one relationship in the last file that points at
 * a node no file defines. Returns the directory, the file's name as messages give it, and the line
 * of the broken record's `to` field: the problem is only known once every file has been read.
 */
export function lateBrokenSeeds(files = 6, perFile = 400): { dir: string; file: string; line: number } {
  const root = tempDir('late-broken');
  const dir = join(root, 'seeds');
  mkdirSync(dir);
  const ev = '[{ source: 000_90cc9f875cc8fefe.txt, lines: [1, 2], section: Foreword }]';
  writeFileSync(
    join(dir, 'a-report.yaml'),
    `nodes:\n  - { id: report.late, kind: Report, name: Late, source: 000_90cc9f875cc8fefe.txt, evidence: ${ev} }\n`,
  );
  for (let f = 0; f < files; f++) {
    const lines = ['nodes:'];
    for (let i = 0; i < perFile; i++) {
      lines.push(
        `  - id: org.late-${f}-${i}`,
        '    kind: Organisation',
        `    name: Late Org ${f} ${i}`,
        '    category: other',
        `    evidence: ${ev}`,
      );
    }
    lines.push('edges:');
    for (let i = 1; i < perFile; i++) {
      lines.push(
        '  - kind: PARTNERS_WITH',
        `    from: org.late-${f}-${i}`,
        `    to: org.late-${f}-${i - 1}`,
        `    evidence: ${ev}`,
      );
    }
    if (f === files - 1)
      lines.push('  - kind: PARTNERS_WITH', `    from: org.late-${f}-0`, '    to: org.nowhere');
    const line = lines.length;
    if (f === files - 1) lines.push(`    evidence: ${ev}`);
    writeFileSync(join(dir, `b-${f}.yaml`), `${lines.join('\n')}\n`);
    if (f === files - 1) return { dir, file: `seeds/b-${f}.yaml`, line };
  }
  throw new Error('unreachable');
}
