import { describe, expect, it } from 'vitest';
import { lineProgress, type ProgressLine } from '../../src/store/load-progress.js';

/** A progress reporter on a clock the test moves by hand, without timers. */
function reporter(options: { quietMs?: number } = {}) {
  let now = 0;
  const lines: ProgressLine[] = [];
  const progress = lineProgress((line) => lines.push(line), { ...options, now: () => now, timers: false });
  return {
    progress,
    lines,
    texts: () => lines.map((l) => l.text),
    wait: (ms: number) => {
      now += ms;
    },
  };
}

describe('load progress on a terminal', () => {
  it('says nothing about phases shorter than a second, so loading the small real graph stays quiet', () => {
    const r = reporter();
    r.progress.phase('reading and validating seeds', { unit: 'records' });
    r.wait(300);
    r.progress.advance(2900);
    r.progress.phase('writing nodes', { total: 1300, unit: 'nodes' });
    r.wait(200);
    r.progress.advance(1300);
    r.progress.end();
    expect(r.lines).toEqual([]);
  });

  it('reports a long phase every five seconds with count, share and rate, and once more when it ends', () => {
    const r = reporter();
    r.progress.phase('writing relationships', { total: 1_000_000, unit: 'relationships' });
    for (let second = 1; second <= 12; second++) {
      r.wait(1000);
      r.progress.advance(50_000);
    }
    r.progress.phase('switching to the new graph');
    expect(r.texts()).toEqual([
      'writing relationships: 250,000 of 1,000,000 relationships (25 %), 50,000 relationships/s, 5.0 s',
      'writing relationships: 500,000 of 1,000,000 relationships (50 %), 50,000 relationships/s, 10.0 s',
      'writing relationships: 600,000 of 1,000,000 relationships (60 %), 50,000 relationships/s, 12.0 s (done)',
    ]);
    expect(r.lines.at(-1)).toMatchObject({
      phase: 'writing relationships',
      done: 600_000,
      finished: true,
      rate: 50_000,
    });
  });

  it('reports a phase that counts nothing by its time alone, and every phase when asked to', () => {
    const r = reporter({ quietMs: 0 });
    r.progress.phase('deriving', { total: 7, unit: 'statements' });
    r.progress.advance(7);
    r.wait(400);
    r.progress.phase('committing');
    r.wait(1500);
    r.progress.end();
    expect(r.texts()).toEqual([
      'deriving: 7 of 7 statements (100 %), 18 statements/s, 0.4 s (done)',
      'committing, 1.5 s (done)',
    ]);
  });
});
