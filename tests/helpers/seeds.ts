import { writeFileSync } from 'node:fs';
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
