import { PothosValidationError } from '@pothos/core';
import { resolveCursorConnection } from '@pothos/plugin-relay';
import type { NodeKey } from '../store/port.js';
import { badUserInput } from './errors.js';

/**
 * Keyset cursors: a cursor names the (name, id) of the item it points at, not a position, so it
 * stays valid while that item exists, whatever is added or removed around it.
 */
export function encodeKeyCursor(key: NodeKey): string {
  return Buffer.from(JSON.stringify(['k', key.name, key.id]), 'utf8').toString('base64url');
}

export function decodeKeyCursor(cursor: string | undefined | null): NodeKey | null {
  if (cursor === undefined || cursor === null) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 3 && value[0] === 'k') {
      const [, name, id] = value;
      if (typeof name === 'string' && typeof id === 'string') return { name, id };
    }
  } catch {
    // Fall through to the error below: a cursor that does not decode is the caller's mistake.
  }
  throw badUserInput(
    `"${cursor}" is not a cursor of this connection (use a cursor from pageInfo or an edge)`,
  );
}

export interface PageArgs {
  readonly first?: number | null | undefined;
  readonly last?: number | null | undefined;
  readonly after?: string | null | undefined;
  readonly before?: string | null | undefined;
}

export interface PageWindow {
  readonly after: NodeKey | null;
  readonly before: NodeKey | null;
  readonly limit: number;
  /** Take the window from the end (for `last`): results must come back nearest the end first. */
  readonly fromEnd: boolean;
}

/**
 * Resolves a keyset connection page: validates first/last against the page size limits (a bad value is
 * BAD_USER_INPUT), decodes cursors, and lets `fetch` read one window from the store.
 */
export async function keysetPage<T extends NodeKey>(
  args: PageArgs,
  sizes: { readonly defaultSize: number; readonly maxSize: number },
  fetch: (window: PageWindow) => Promise<T[]>,
) {
  for (const name of ['first', 'last'] as const) {
    const value = args[name];
    if (value !== undefined && value !== null && (value < 0 || value > sizes.maxSize)) {
      throw badUserInput(`${name} must be between 0 and ${sizes.maxSize}, got ${value}`);
    }
  }
  try {
    return await resolveCursorConnection<Promise<T[]>>(
      {
        args: {
          first: args.first ?? undefined,
          last: args.last ?? undefined,
          after: args.after ?? undefined,
          before: args.before ?? undefined,
        },
        defaultSize: sizes.defaultSize,
        maxSize: sizes.maxSize,
        toCursor: (item: T) => encodeKeyCursor(item),
      },
      ({ after, before, limit, inverted }) =>
        fetch({ after: decodeKeyCursor(after), before: decodeKeyCursor(before), limit, fromEnd: inverted }),
    );
  } catch (error) {
    if (error instanceof PothosValidationError) throw badUserInput(error.message);
    throw error;
  }
}
