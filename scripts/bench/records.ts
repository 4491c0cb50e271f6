/**
 * One JSON line per measurement (bench/results/latest.jsonl). The markdown report is computed from
 * these records alone, so a reader can recompute any figure from the lines.
 */
import type { Engine, SystemName } from './options.js';

interface Base {
  readonly size?: string;
  readonly engine?: Engine;
  readonly system?: SystemName;
  readonly op?: string;
}

export type BenchRecord = Base &
  (
    | {
        readonly kind: 'run';
        readonly at: string;
        readonly node: string;
        readonly commit: string;
        readonly dirty: boolean;
        readonly cpus: number;
        readonly memGiB: number;
        readonly options: unknown;
      }
    | {
        readonly kind: 'loadavg';
        readonly when: 'before' | 'after';
        readonly load1: number;
        readonly load5: number;
        readonly load15: number;
      }
    | {
        readonly kind: 'dataset';
        readonly origin: string;
        readonly key: string;
        readonly relationships: number | null;
      }
    | {
        readonly kind: 'load';
        readonly ms: number;
        readonly peakRssMiB: number;
        readonly cached: boolean;
        readonly at: string;
        readonly summary: string;
      }
    | { readonly kind: 'inputs'; readonly inputs: unknown }
    | {
        readonly kind: 'check';
        readonly against: string;
        readonly verdict: string;
        readonly diff: readonly string[];
        readonly reason?: string;
      }
    | { readonly kind: 'unsupported'; readonly reason: string }
    | { readonly kind: 'failed'; readonly error: string }
    | { readonly kind: 'skipped'; readonly what: string; readonly reason: string }
    | { readonly kind: 'cold'; readonly ms: number; readonly bytes: number }
    | {
        readonly kind: 'latency';
        readonly p50: number;
        readonly p95: number;
        readonly p99: number;
        readonly mean: number;
        readonly n: number;
        readonly errors: number;
        readonly statements: number | null;
        readonly transactions: number | null;
        /** Statements sent to the database, when the server says (absent in older records). */
        readonly sent?: number | null;
        readonly bytes: number;
      }
    | {
        readonly kind: 'throughput';
        readonly connections: number;
        readonly seconds: number;
        readonly rps: number;
        readonly p50: number;
        readonly p99: number;
        readonly errors: number;
        readonly non2xx: number;
      }
    | { readonly kind: 'memory'; readonly process: string; readonly rssMiB: number; readonly peakMiB: number }
  );

export type RecordOf<K extends BenchRecord['kind']> = Extract<BenchRecord, { kind: K }>;

/** Records of one kind, matching the given fields. */
export function select<K extends BenchRecord['kind']>(
  records: readonly BenchRecord[],
  kind: K,
  where: Partial<Base> = {},
): RecordOf<K>[] {
  return records.filter(
    (r): r is RecordOf<K> =>
      r.kind === kind &&
      Object.entries(where).every(([k, v]) => (r as unknown as Record<string, unknown>)[k] === v),
  );
}
