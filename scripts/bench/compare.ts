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

/** The whole value as compared: equal facts have equal texts. */
const text = (value: unknown) => JSON.stringify(value) ?? '';
/** Two different values for a message: each from a little before the first character they differ in. */
function showDifference(x: unknown, y: unknown): [string, string] {
  const a = text(x);
  const b = text(y);
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 80);
  const cut = (t: string) => `${from > 0 ? '…' : ''}${t.slice(from, from + 300)}`;
  return [cut(a), cut(b)];
}

function counts(items: readonly unknown[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) out.set(text(item), (out.get(text(item)) ?? 0) + 1);
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
  const few = (items: string[]) =>
    `${items
      .slice(0, 5)
      .map((i) => i.slice(0, 300))
      .join(', ')}${items.length > 5 ? ', …' : ''}`;
  if (onlyA.length) out.push(`${key}: only ${left} (${onlyA.length}): ${few(onlyA)}`);
  if (onlyB.length) out.push(`${key}: only ${right} (${onlyB.length}): ${few(onlyB)}`);
  if (!out.length && text(a) !== text(b)) out.push(`${key}: same items, different order`);
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
        if (text(x[k]) !== text(y[k])) {
          const [sx, sy] = showDifference(x[k], y[k]);
          out.push({ key, line: `${key}.${k}: ${left} ${sx} ≠ ${right} ${sy}` });
        }
      for (const line of listDiff(`${key}.keys`, Object.keys(x).sort(), Object.keys(y).sort(), left, right))
        out.push({ key: `${key}.keys`, line });
    } else if (text(x) !== text(y)) {
      const [sx, sy] = showDifference(x, y);
      out.push({ key, line: `${key}: ${left} ${sx} ≠ ${right} ${sy}` });
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
