import seedrandom from 'seedrandom';

/** A seeded stream of random numbers and the few draws the generator needs. */
export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** A whole number in [0, n); 0 when n is 0. */
  int(n: number): number;
  /** A whole number in [low, high], both included. */
  between(low: number, high: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One item of a non-empty list, each equally likely. */
  pick<T>(items: readonly T[]): T;
  /** One item of a non-empty list, chosen in proportion to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** A geometric count (0, 1, 2, ...) with the given mean: many small counts, a few large ones. */
  geometric(mean: number): number;
}

/**
 * A random stream for one part of the graph. Each part (names, funding, people, ...) draws from its
 * own stream, named after it, so that changing how one part is drawn leaves the others as they were.
 * Alea rather than seedrandom's default ARC4: it is several times faster and as reproducible.
 */
export function createRandom(seed: number, stream: string): Random {
  const prng = seedrandom.alea(`hlp-graph/${seed}/${stream}`);
  const next = () => prng();
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    between: (low, high) => low + int(high - low + 1),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      return items[int(items.length)] as T;
    },
    weighted<T>(items: readonly (readonly [T, number])[]): T {
      let total = 0;
      for (const [, weight] of items) total += weight;
      let u = next() * total;
      for (const [item, weight] of items) {
        u -= weight;
        if (u < 0) return item;
      }
      return (items[items.length - 1] as readonly [T, number])[0];
    },
    geometric(mean) {
      if (mean <= 0) return 0;
      // Inverse transform of a geometric distribution on 0, 1, 2, ... with success p = 1 / (1 + mean).
      const q = mean / (1 + mean);
      return Math.floor(Math.log(1 - next()) / Math.log(q));
    },
  };
}

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/**
 * Draws items 0..size-1 with Zipf-like weights (rank r weighs 1 / r^exponent): a few items are drawn
 * very often, most rarely, as funders crowd onto a few popular programmes. Ranks are scattered over
 * the items by a fixed permutation, so the popular items are not simply the first ones written.
 */
export class ZipfSampler {
  private readonly cumulative: Float64Array;
  private readonly stride: number;
  private readonly offset: number;

  /** `random` only places the popular ranks; draws take their own stream. */
  constructor(
    readonly size: number,
    exponent: number,
    random: Random,
  ) {
    this.cumulative = new Float64Array(size);
    let total = 0;
    for (let rank = 0; rank < size; rank++) {
      total += 1 / (rank + 1) ** exponent;
      this.cumulative[rank] = total;
    }
    // rank -> (rank * stride + offset) mod size is a permutation when stride and size share no factor.
    let stride = Math.max(1, Math.floor(size * 0.618));
    while (size > 1 && gcd(stride, size) !== 1) stride++;
    this.stride = stride;
    this.offset = random.int(size);
  }

  /** One item; size must be at least 1. */
  sample(random: Random): number {
    const { cumulative, size } = this;
    const u = random.next() * (cumulative[size - 1] ?? 0);
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((cumulative[mid] ?? 0) > u) high = mid;
      else low = mid + 1;
    }
    return (low * this.stride + this.offset) % size;
  }
}

/**
 * How many records the next source gets when `remaining` records are left for `sourcesLeft` sources:
 * about remaining / sourcesLeft, spread (1 + a geometric count) so that some sources get several,
 * and never more than `cap`. Because each draw aims at what is left, the total lands on the budget.
 */
export function spread(remaining: number, sourcesLeft: number, cap: number, random: Random): number {
  if (remaining <= 0 || cap <= 0) return 0;
  const limit = Math.min(remaining, cap);
  if (sourcesLeft <= 1) return limit;
  const mean = remaining / sourcesLeft;
  const count = mean < 1 ? (random.chance(mean) ? 1 : 0) : 1 + random.geometric(mean - 1);
  return Math.min(count, limit);
}

/**
 * `count` distinct items of 0..space-1, none of them `exclude`: drawn by `draw` while that finds new
 * ones quickly, then by walking on from a random item, so a crowded draw (a hub funding most of a
 * small graph) still ends. Asks for no more than there are.
 */
export function distinct(
  count: number,
  space: number,
  draw: () => number,
  random: Random,
  exclude = -1,
): number[] {
  const available = space - (exclude >= 0 && exclude < space ? 1 : 0);
  const wanted = Math.min(count, available);
  const chosen: number[] = [];
  // A Set only pays for itself on long lists; most sources have a handful of items.
  const seen = wanted > 16 ? new Set<number>() : undefined;
  const has = (item: number) => (seen ? seen.has(item) : chosen.includes(item));
  const add = (item: number) => {
    chosen.push(item);
    seen?.add(item);
  };
  while (chosen.length < wanted) {
    let found = false;
    for (let attempt = 0; attempt < 8 && !found; attempt++) {
      const item = draw();
      if (item !== exclude && !has(item)) {
        add(item);
        found = true;
      }
    }
    if (found) continue;
    let item = random.int(space);
    while (item === exclude || has(item)) item = (item + 1) % space;
    add(item);
  }
  return chosen;
}
