import { badUserInput } from './errors.js';

/** The Relay connection arguments. */
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

/** What the store is asked for: how many items, counted from which end of the cursors' window. */
export interface PageRequest {
  readonly size: number;
  readonly from: 'start' | 'end';
  /** With both first and last: the last items of the first ones to keep. */
  readonly keepLast: number | null;
}

export interface PageInfo {
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  readonly startCursor: string | null;
  readonly endCursor: string | null;
}

export interface Page<E> {
  readonly edges: E[];
  readonly pageInfo: PageInfo;
  readonly totalCount: () => Promise<number>;
}

/** A sort key as a cursor holds it. */
export type CursorValues = readonly (string | number | null)[];

function checkSize(name: 'first' | 'last', value: number | null | undefined, sizes: PageSizes): void {
  if (value !== undefined && value !== null && (value < 0 || value > sizes.maxSize)) {
    throw badUserInput(`${name} must be between 0 and ${sizes.maxSize}, got ${value}`);
  }
}

/**
 * What a connection's arguments ask the store for: `first` items from the front of the window the
 * cursors leave, or `last` from its back, the default size when neither is given. Throws
 * BAD_USER_INPUT for a size out of range.
 */
export function pageRequest(args: PageArgs, sizes: PageSizes): PageRequest {
  checkSize('first', args.first, sizes);
  checkSize('last', args.last, sizes);
  const first = args.first ?? null;
  const last = args.last ?? null;
  if (first !== null) return { size: first, from: 'start', keepLast: last };
  if (last !== null) return { size: last, from: 'end', keepLast: null };
  return { size: sizes.defaultSize, from: 'start', keepLast: null };
}

/**
 * Keyset cursors: a cursor holds the sort key of the item it points at and names the connection and
 * order it belongs to, so it stays valid while the data does (items added or removed elsewhere do
 * not shift it), and one from another connection or order is refused rather than misread.
 */
export function encodeCursor(scope: string, values: CursorValues): string {
  return Buffer.from(JSON.stringify(['c', scope, ...values]), 'utf8').toString('base64url');
}

/** The sort key a cursor holds; BAD_USER_INPUT when it is not a cursor of this connection and order. */
export function decodeCursor(cursor: string, scope: string, arity: number): CursorValues {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = null;
  }
  if (Array.isArray(value) && value[0] === 'c' && typeof value[1] === 'string') {
    if (value[1] !== scope) {
      throw badUserInput(
        `"${cursor}" is a cursor of another connection or order (${value[1]}), not of ${scope}: use a cursor from this connection's pageInfo or edges, with the same orderBy`,
      );
    }
    const values = value.slice(2);
    if (
      values.length === arity &&
      values.every(
        (v) => v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)),
      )
    ) {
      return values as CursorValues;
    }
  }
  throw badUserInput(
    `"${cursor}" is not a cursor of this connection (use a cursor from pageInfo or an edge)`,
  );
}

/** The text at position `i` of a decoded cursor, or BAD_USER_INPUT. */
export function cursorText(values: CursorValues, i: number, cursor: string): string {
  const v = values[i];
  if (typeof v !== 'string') throw badUserInput(`"${cursor}" is not a cursor of this connection`);
  return v;
}

/** The number at position `i` of a decoded cursor, or BAD_USER_INPUT. */
export function cursorNumber(values: CursorValues, i: number, cursor: string): number {
  const v = values[i];
  if (typeof v !== 'number') throw badUserInput(`"${cursor}" is not a cursor of this connection`);
  return v;
}

/**
 * The count of a connection whose page holds all of it, or null: a page read from either end with no
 * cursor that found no row past it has every row, so its length is the count and no count runs.
 * `read`: the rows the page read (before a `first` and `last` together trimmed it).
 */
export function countIfWhole(read: number, more: boolean, args: PageArgs): number | null {
  return !more && !args.after && !args.before ? read : null;
}

/**
 * A connection from one page the store cut: edges with their cursors and the Relay page info. A
 * page read from the front has a next page when the store found more; it has a previous one when
 * it starts after a cursor (the cursor's own item lies before it). Read from the back, the reverse.
 */
export function connectionOf<T, E>(
  items: readonly T[],
  more: boolean,
  args: PageArgs,
  request: PageRequest,
  cursorOf: (item: T) => string,
  toEdge: (item: T, cursor: () => string) => E,
  totalCount: () => Promise<number>,
): Page<E> {
  let kept = [...items];
  let trimmed = false;
  if (request.keepLast !== null && kept.length > request.keepLast) {
    kept = kept.slice(kept.length - request.keepLast);
    trimmed = true;
  }
  // Cursors are written only when a query reads them (an edge's cursor, pageInfo's start or end):
  // most queries read none, and encoding one for every row of every page was a measurable share of
  // a deep query's time.
  const first = kept[0];
  const last = kept[kept.length - 1];
  const fromStart = request.from === 'start';
  return {
    edges: kept.map((item) => toEdge(item, () => cursorOf(item))),
    pageInfo: {
      hasNextPage: fromStart ? more : Boolean(args.before),
      hasPreviousPage: fromStart ? Boolean(args.after) || trimmed : more,
      get startCursor() {
        return first === undefined ? null : cursorOf(first);
      },
      get endCursor() {
        return last === undefined ? null : cursorOf(last);
      },
    },
    totalCount,
  };
}

/** Compares sort keys element by element; `descending` flips the first (the sort value), never the tie-breakers. */
export function compareKeys(descending = false) {
  return (a: CursorValues, b: CursorValues): number => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const x = a[i] ?? null;
      const y = b[i] ?? null;
      if (x === y) continue;
      // Unknown values (null) sort last in either direction.
      if (x === null) return 1;
      if (y === null) return -1;
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : x < y ? -1 : 1;
      if (order !== 0) return i === 0 && descending ? -order : order;
    }
    return 0;
  };
}

/**
 * A page of a list already computed in Node and sorted by `keyOf` under `compare` (a network
 * analysis ranks every node of its projection anyway): the same keyset cursors and page info as the
 * store's pages.
 */
export function pageOfSorted<T, E>(
  sorted: readonly T[],
  args: PageArgs,
  sizes: PageSizes,
  scope: string,
  keyOf: (item: T) => CursorValues,
  compare: (a: CursorValues, b: CursorValues) => number,
  toEdge: (item: T, cursor: () => string) => E,
  arity: number,
): Page<E> {
  const request = pageRequest(args, sizes);
  let start = 0;
  let end = sorted.length;
  if (args.after) {
    const key = decodeCursor(args.after, scope, arity);
    while (start < end && compare(keyOf(sorted[start] as T), key) <= 0) start++;
  }
  if (args.before) {
    const key = decodeCursor(args.before, scope, arity);
    let cut = start;
    while (cut < end && compare(keyOf(sorted[cut] as T), key) < 0) cut++;
    end = cut;
  }
  const window = sorted.slice(start, end);
  const items =
    request.from === 'start'
      ? window.slice(0, request.size)
      : window.slice(Math.max(0, window.length - request.size));
  return connectionOf(
    items,
    window.length > request.size,
    args,
    request,
    (item) => encodeCursor(scope, keyOf(item)),
    toEdge,
    () => Promise.resolve(sorted.length),
  );
}
