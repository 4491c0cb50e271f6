/**
 * The targets of issue 11, checked against the records of a run. A target that this run did not
 * measure (no 1M size, no Neo4j) is reported as not measured, never as passed.
 */
import { ENGINE_NAMES } from '../../src/store/engine.js';
import type { Engine } from './options.js';
import { type BenchRecord, select } from './records.js';

export type Outcome = 'pass' | 'fail' | 'not measured';

export interface TargetCheck {
  readonly target: string;
  readonly subject: string;
  readonly value: string;
  readonly outcome: Outcome;
}

const A_TO_E = ['a', 'b', 'c', 'd', 'e'];

function p50(
  records: readonly BenchRecord[],
  size: string,
  engine: Engine,
  system: string,
  op: string,
): number | null {
  const [r] = select(records, 'latency', { size, engine, op }).filter((x) => x.system === system);
  return r && r.n > 0 ? r.p50 : null;
}

function rps(
  records: readonly BenchRecord[],
  size: string,
  engine: Engine,
  system: string,
  op: string,
): number | null {
  const [r] = select(records, 'throughput', { size, engine, op }).filter((x) => x.system === system);
  return r ? r.rps : null;
}

const check = (ok: boolean | null): Outcome => (ok === null ? 'not measured' : ok ? 'pass' : 'fail');

export function checkTargets(records: readonly BenchRecord[]): TargetCheck[] {
  const out: TargetCheck[] = [];
  const T1 = 'p50 ÷ raw ≤ 1.5 (a–e, 100k and 1M, both engines)';
  for (const size of ['100k', '1m'])
    for (const engine of ENGINE_NAMES)
      for (const op of A_TO_E) {
        const ours = p50(records, size, engine, 'ours', op);
        const raw = p50(records, size, engine, 'raw', op);
        const ratio = ours !== null && raw !== null ? ours / raw : null;
        out.push({
          target: T1,
          subject: `${size} ${engine} ${op}`,
          value: ratio === null ? '–' : `${ratio.toFixed(2)} (${ours?.toFixed(1)} / ${raw?.toFixed(1)} ms)`,
          outcome: check(ratio === null ? null : ratio <= 1.5),
        });
      }
  const T2 = 'req/s at 10 connections ≥ @neo4j/graphql (Neo4j, a–e, seed and 100k)';
  for (const size of ['seed', '100k'])
    for (const op of A_TO_E) {
      const ours = rps(records, size, 'neo4j', 'ours', op);
      const peer = rps(records, size, 'neo4j', 'neo4j-graphql', op);
      const ratio = ours !== null && peer ? ours / peer : null;
      out.push({
        target: T2,
        subject: `${size} neo4j ${op}`,
        value: ratio === null ? '–' : `${ratio.toFixed(2)} (${ours?.toFixed(0)} / ${peer?.toFixed(0)} req/s)`,
        outcome: check(ratio === null ? null : ratio >= 1),
      });
    }
  const T3 = 'p50 at 1M ÷ p50 at 10k ≤ 2 (a, c, d, e)';
  for (const engine of ENGINE_NAMES)
    for (const op of ['a', 'c', 'd', 'e']) {
      const large = p50(records, '1m', engine, 'ours', op);
      const small = p50(records, '10k', engine, 'ours', op);
      const ratio = large !== null && small !== null ? large / small : null;
      out.push({
        target: T3,
        subject: `${engine} ${op}`,
        value: ratio === null ? '–' : `${ratio.toFixed(2)} (${large?.toFixed(1)} / ${small?.toFixed(1)} ms)`,
        outcome: check(ratio === null ? null : ratio <= 2),
      });
    }
  const T4 = '1M: Kuzu load ≤ 5 min, Neo4j ≤ 10 min, loader peak RSS < 1.5 GB, server RSS < 1 GB';
  for (const engine of ENGINE_NAMES) {
    const [load] = select(records, 'load', { size: '1m', engine });
    const limit = engine === 'kuzu' ? 5 : 10;
    out.push({
      target: T4,
      subject: `${engine} load time`,
      value: load ? `${(load.ms / 60000).toFixed(1)} min${load.cached ? ' (cached load)' : ''}` : '–',
      outcome: check(load ? load.ms <= limit * 60000 : null),
    });
    out.push({
      target: T4,
      subject: `${engine} loader peak RSS`,
      value: load ? `${load.peakRssMiB.toFixed(0)} MiB` : '–',
      outcome: check(load ? load.peakRssMiB < 1536 : null),
    });
    const [memory] = select(records, 'memory', { size: '1m', engine }).filter((m) => m.system === 'ours');
    out.push({
      target: T4,
      subject: `${engine} service RSS (peak)`,
      value: memory ? `${memory.rssMiB.toFixed(0)} MiB (peak ${memory.peakMiB.toFixed(0)})` : '–',
      outcome: check(memory ? memory.peakMiB < 1024 : null),
    });
  }
  return out;
}
