import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSources, occursIn } from '../../src/seed/check-sources.js';
import { runCli } from '../support/cli.js';
import { REAL_SEEDS, ROOT } from '../support/env.js';
import { bigSeeds } from '../support/seeds.js';

const SOURCES = join(ROOT, '..', 'shared', 'sources');
const HAVE_SOURCES = existsSync(join(SOURCES, '004_9bafb96c93e2c09d.txt'));

describe('finding a name or figure in a passage', () => {
  it('ignores case, line breaks and curly quotes, and reads figures in any notation', () => {
    expect(occursIn('Thrive LDN', 'thrive\nLDN movement')).toBe(true);
    expect(occursIn('St Mary’s', "st mary's garden")).toBe(true);
    expect(occursIn('£562,000', '| £562,000 |')).toBe(true);
    expect(occursIn('£562k', 'core funding of 562,000 pounds')).toBe(true);
    expect(occursIn('£1.2m', 'about £1,200,000 was saved')).toBe(true);
    expect(occursIn('1.2 million', 'over 1.2m people')).toBe(true);
    expect(occursIn('£562,000', '£526,000')).toBe(false);
    expect(occursIn('Thrive LDN', 'Good Thinking')).toBe(false);
  });
});

describe.runIf(HAVE_SOURCES)('every evidence locator in seeds/ holds against the reports', () => {
  it('checks them all, and all hold (npm run check:sources)', () => {
    const { checked, problems } = checkSources(REAL_SEEDS, SOURCES);
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(3000);
  });

  it('reports a locator whose lines do not hold the name, with file, record and lines', async () => {
    // bigSeeds cites lines 1-2 of the five-year report for organisations it invents.
    const result = await runCli(['check-sources'], { HLP_SEEDS_DIR: bigSeeds(2), HLP_SOURCES_DIR: SOURCES });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'record org.big-0 evidence 0: 000_90cc9f875cc8fefe.txt lines 1-2 (Foreword) do not contain its name or an alias: "Big Org 0"',
    );
    expect(result.stdout).toMatch(/^0 of 4 evidence locators hold/);
  });
});

describe.skipIf(HAVE_SOURCES)('without ../shared/sources', () => {
  it('says the source check was skipped', () => {
    console.log(`check:sources skipped: no reports at ${SOURCES}`);
    expect(HAVE_SOURCES).toBe(false);
  });
});
