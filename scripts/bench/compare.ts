/**
 * Compares two systems' facts for one operation. The result lists every difference as a line a
 * reader can act on (which key, what is missing on which side); differences confined to the keys an
 * operation declares as known are reported as such, everything else fails the bench.
 */
import type { Facts, Operation } from './operations/types.js';

export type Verdict = 'same' | 'known' | 'differs';

export interface Comparison {
  readonly verdict: Verdict;
  /** Keys that differ, and how. */
  readonly diff: readonly string[];
  readonly reason?: string;
}

const show = (value: unknown) => JSON.stringify(value)?.slice(0, 300);

function counts(items: readonly unknown[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) out.set(show(item) ?? '', (out.get(show(item) ?? '') ?? 0) + 1);
  return out;
}

function listDiff(
  key: string,
  a: readonly unknown[],
  b: readonly unknown[],
  left: string,
  right: string,
): string[] {
  const ca = counts(a);
  const cb = counts(b);
  const onlyA = [...ca].filter(([k, n]) => (cb.get(k) ?? 0) < n).map(([k]) => k);
  const onlyB = [...cb].filter(([k, n]) => (ca.get(k) ?? 0) < n).map(([k]) => k);
  const out: string[] = [];
  if (onlyA.length)
    out.push(
      `${key}: only ${left} (${onlyA.length}): ${onlyA.slice(0, 5).join(', ')}${onlyA.length > 5 ? ', …' : ''}`,
    );
  if (onlyB.length)
    out.push(
      `${key}: only ${right} (${onlyB.length}): ${onlyB.slice(0, 5).join(', ')}${onlyB.length > 5 ? ', …' : ''}`,
    );
  if (!out.length && show(a) !== show(b)) out.push(`${key}: same items, different order`);
  return out;
}

function isMap(value: unknown): value is Readonly<Record<string, unknown>> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The differences between `a` (from `left`) and `b` (from `right`), one line per difference. */
export function diffFacts(a: Facts, b: Facts, left: string, right: string): { key: string; line: string }[] {
  const out: { key: string; line: string }[] = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[key];
    const y = b[key];
    if (Array.isArray(x) && Array.isArray(y)) {
      for (const line of listDiff(key, x, y, left, right)) out.push({ key, line });
    } else if (isMap(x) && isMap(y)) {
      // Maps (per organisation, ...): entries both sides have are compared; the key sets on their own.
      const keys = Object.keys(x).filter((k) => k in y);
      for (const k of keys)
        if (show(x[k]) !== show(y[k]))
          out.push({ key, line: `${key}.${k}: ${left} ${show(x[k])} ≠ ${right} ${show(y[k])}` });
      for (const line of listDiff(`${key}.keys`, Object.keys(x).sort(), Object.keys(y).sort(), left, right))
        out.push({ key: `${key}.keys`, line });
    } else if (show(x) !== show(y)) {
      out.push({ key, line: `${key}: ${left} ${show(x)} ≠ ${right} ${show(y)}` });
    }
  }
  return out;
}

export function compare(op: Operation, a: Facts, b: Facts, left: string, right: string): Comparison {
  const diff = diffFacts(a, b, left, right);
  if (diff.length === 0) return { verdict: 'same', diff: [] };
  const known = op.known;
  if (known && diff.every((d) => known.keys.includes(d.key)))
    return { verdict: 'known', diff: diff.map((d) => d.line), reason: known.reason };
  return { verdict: 'differs', diff: diff.map((d) => d.line) };
}
