import { badUserInput } from './errors.js';

/** A sort key: the sort value(s) of an item, ending with something unique (its id). */
export type SortKey = readonly (string | number | null)[];

export interface PageArgs {
  readonly first?: number | null | undefined;
  readonly last?: number | null | undefined;
  readonly after?: string | null | undefined;
  readonly before?: string | null | undefined;
}

export interface PageSizes {
  readonly defaultSize: number;
  readonly maxSize: number;
}

export interface Page<E> {
  readonly edges: E[];
  readonly pageInfo: {
    readonly hasNextPage: boolean;
    readonly hasPreviousPage: boolean;
    readonly startCursor: string | null;
    readonly endCursor: string | null;
  };
  readonly totalCount: () => Promise<number>;
}

/**
 * Keyset cursors: a cursor holds the sort key of the item it points at, not its position, so it stays
 * valid as long as the data does: items added or removed elsewhere do not shift it.
 */
export function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify(['k', ...key]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): SortKey {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value[0] === 'k' &&
      value.length > 1 &&
      value.slice(1).every((v) => v === null || typeof v === 'string' || typeof v === 'number')
    ) {
      return value.slice(1) as SortKey;
    }
  } catch {
    // Fall through: a cursor that does not decode is the caller's mistake.
  }
  throw badUserInput(
    `"${cursor}" is not a cursor of this connection (use a cursor from pageInfo or an edge)`,
  );
}

function checkSize(name: 'first' | 'last', value: number | null | undefined, sizes: PageSizes): void {
  if (value !== undefined && value !== null && (value < 0 || value > sizes.maxSize)) {
    throw badUserInput(`${name} must be between 0 and ${sizes.maxSize}, got ${value}`);
  }
}

/**
 * One page of a list that is already sorted by `keyOf` under `compare`, following the Relay
 * connection rules: `after`/`before` narrow the list to the items strictly between the cursors'
 * keys, then `first` takes from the front or `last` from the back; with neither, the default size.
 * Throws BAD_USER_INPUT for a page size out of range or a foreign cursor.
 */
export function pageOf<T, E>(
  sorted: readonly T[],
  args: PageArgs,
  sizes: PageSizes,
  keyOf: (item: T) => SortKey,
  compare: (a: SortKey, b: SortKey) => number,
  toEdge: (item: T, cursor: string) => E,
): Page<E> {
  checkSize('first', args.first, sizes);
  checkSize('last', args.last, sizes);
  let start = 0;
  let end = sorted.length;
  if (args.after) {
    const key = decodeCursor(args.after);
    while (start < end && compare(keyOf(sorted[start] as T), key) <= 0) start++;
  }
  if (args.before) {
    const key = decodeCursor(args.before);
    let cut = start;
    while (cut < end && compare(keyOf(sorted[cut] as T), key) < 0) cut++;
    end = cut;
  }
  let from = start;
  let to = end;
  const first = args.first ?? (args.last === undefined || args.last === null ? sizes.defaultSize : null);
  if (first !== null) to = Math.min(to, from + first);
  if (args.last !== undefined && args.last !== null) from = Math.max(from, to - args.last);
  const items = sorted.slice(from, to);
  const edges = items.map((item) => toEdge(item, encodeCursor(keyOf(item))));
  const cursorAt = (i: number) => (items[i] === undefined ? null : encodeCursor(keyOf(items[i] as T)));
  return {
    edges,
    pageInfo: {
      hasPreviousPage: from > 0,
      hasNextPage: to < sorted.length,
      startCursor: cursorAt(0),
      endCursor: cursorAt(items.length - 1),
    },
    totalCount: () => Promise.resolve(sorted.length),
  };
}

/** Compares sort keys element by element; `descending` flips the first (the sort value), never the tie-breakers. */
export function compareKeys(descending = false) {
  return (a: SortKey, b: SortKey): number => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const x = a[i] ?? null;
      const y = b[i] ?? null;
      if (x === y) continue;
      // Unknown values (null) sort last in either direction.
      if (x === null) return 1;
      if (y === null) return -1;
      const order =
        typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      if (order !== 0) return i === 0 && descending ? -order : order;
    }
    return 0;
  };
}
