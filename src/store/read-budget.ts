import { ReadTooLargeError } from './errors.js';
import type { Row } from './executor.js';

/**
 * About how many bytes a value takes in a JSON answer: strings their length, numbers 8, lists and
 * maps the sum of their parts. A measure of what a request has read, cheap enough to take of every
 * row (no string is built), not an exact byte count.
 */
export function approximateBytes(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return value.length + 2;
    case 'number':
    case 'bigint':
      return 8;
    case 'boolean':
      return 5;
    case 'object': {
      if (value === null) return 4;
      if (Array.isArray(value)) {
        let total = 2;
        for (const item of value) total += approximateBytes(item) + 1;
        return total;
      }
      let total = 2;
      const record = value as Record<string, unknown>;
      // for…in, not Object.entries: no array per row (this runs on every value a request reads).
      for (const key in record) total += key.length + 4 + approximateBytes(record[key]);
      return total;
    }
    default:
      return 0;
  }
}

/**
 * What one request may read, in approximate bytes of the rows the store hands back (its answer is
 * built from them). Once past the limit every further read of the request fails at once, so an
 * over-large request stops reading instead of building a body it may not send.
 */
export class ReadBudget {
  private spentBytes = 0;
  private exceeded = false;

  constructor(private readonly maxBytes: number) {}

  /** The approximate bytes read so far. */
  get spent(): number {
    return this.spentBytes;
  }

  /** Throws ReadTooLargeError when an earlier read went over the limit. */
  check(): void {
    if (this.exceeded) throw new ReadTooLargeError(`${this.maxBytes} bytes`);
  }

  /** Counts rows just read; throws ReadTooLargeError when they take the request over the limit. */
  spend(rows: readonly Row[]): void {
    for (const row of rows) this.spentBytes += approximateBytes(row);
    if (this.spentBytes > this.maxBytes) {
      this.exceeded = true;
      throw new ReadTooLargeError(`${this.maxBytes} bytes`);
    }
  }
}
