import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/env.js';

/**
 * `npm run deps:check` holds the layers of ARCHITECTURE.md; here its rules meet a tree that breaks
 * each of them once (tests/fixtures/layers), so a rule that stopped matching would be seen.
 */
const DEPCRUISE = join(ROOT, 'node_modules/.bin/depcruise');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');

function cruise(cwd: string, outputType: 'json' | 'err') {
  return spawnSync(DEPCRUISE, ['src', '--config', CONFIG, '--output-type', outputType], {
    cwd,
    encoding: 'utf8',
  });
}

describe('the layer rules (.dependency-cruiser.cjs)', () => {
  it('refuse a tree that breaks them, naming each broken rule and the import', () => {
    const tree = join(ROOT, 'tests/fixtures/layers');
    const failing = cruise(tree, 'err');
    expect(failing.status).not.toBe(0);
    const report = JSON.parse(cruise(tree, 'json').stdout) as {
      summary: { violations: { rule: { name: string }; from: string; to: string }[] };
    };
    const found = report.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
    expect(found).toEqual([
      'every-file-in-a-layer: src/stray/tool.ts → src/store/cypher-reader.ts',
      'explorer-apart: src/explorer/page.ts → src/store/cypher-reader.ts',
      'kuzu-only-in-its-adapter: src/http/engine-call.ts → ../../../node_modules/kuzu/index.js',
      'layer-base: src/model/periods.ts → src/schema/period-field.ts',
      'layer-schema: src/schema/period-field.ts → src/store/cypher-reader.ts',
      'no-circular: src/services/a.ts → src/services/b.ts',
      // The value import only: the type-only import of the same module beside it passes.
      'schema-names-port-types-only: src/schema/orders.ts → src/store/port.ts',
    ]);
  }, 60_000);
});
