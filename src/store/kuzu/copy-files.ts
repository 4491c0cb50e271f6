import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { PropValue } from '../../model/records.js';
import { StoreQueryError } from '../errors.js';
import { KUZU_LIST_SEPARATOR } from '../generated-cypher.js';

/**
 * CSV files for Kuzu's COPY FROM, one per table (and per endpoint pair of a relationship table),
 * with every value as text (see kuzuFromText): the COPY statement reads each file through LOAD FROM
 * and converts each column to its type.
 *
 * CSV rather than Parquet: Node has no Parquet writer without a dependency, and Kuzu 0.11.3 reads
 * CSV through LOAD FROM, which lets one statement convert text lists (U+241F between items) that a direct COPY could not read from CSV.
 *
 * Kuzu 0.11.3 hazards, each checked on 0.11.3, and how a file avoids them:
 * - An empty field, quoted or not, reads as null by default, so an empty string would come back
 *   null. Files are read with null_strings set to COPY_NULL: a field that is exactly U+241F is
 *   null, every other field (the empty string too) is text. A string value equal to COPY_NULL is
 *   refused (U+241F is reserved already: it separates list items).
 * - A quoted field with a line break makes the parallel CSV reader fail; a file that has one is
 *   read with parallel=false (slower), the others in parallel. `multiline` says which.
 * - Quotes inside values are doubled ("" is Kuzu's default escape); backslashes are plain text.
 */

/** The field that stands for null. */
export const COPY_NULL = KUZU_LIST_SEPARATOR;

/** Bytes gathered before one write. */
const WRITE_CHUNK = 1 << 20;

/** One CSV file being written: a header of column names, then one line per row. */
export class CopyFile {
  private readonly fd: number;
  private buffer: string[] = [];
  private buffered = 0;
  private open = true;
  /** Rows written so far. */
  rows = 0;
  /** Whether a value holds a line break (the file must then be read with parallel=false). */
  multiline = false;

  constructor(
    readonly path: string,
    readonly columns: readonly string[],
  ) {
    this.fd = openSync(path, 'w');
    this.push(`${columns.join(',')}\n`);
  }

  /**
   * Appends a row: one value per column, in column order. `id` names the record in errors. Throws
   * StoreQueryError for a value the file cannot carry (U+241F in a list item, or a string that is
   * exactly U+241F).
   */
  append(values: readonly (PropValue | undefined)[], id: string): void {
    const fields = values.map((value, i) => this.field(value, id, this.columns[i] ?? ''));
    this.push(`${fields.join(',')}\n`);
    this.rows++;
  }

  private field(value: PropValue | undefined, id: string, column: string): string {
    if (value === null || value === undefined) return COPY_NULL;
    if (typeof value === 'number') return String(value);
    if (Array.isArray(value)) {
      const items = value.map(String);
      if (items.some((item) => item.includes(KUZU_LIST_SEPARATOR))) {
        throw new StoreQueryError(
          'copyFiles',
          `${id}.${column} holds the character U+241F, which the store reserves`,
        );
      }
      // Kuzu stores an empty list as null anyway; reads turn it back into [].
      return items.length === 0 ? COPY_NULL : this.quote(items.join(KUZU_LIST_SEPARATOR));
    }
    const text = String(value);
    if (text === COPY_NULL) {
      throw new StoreQueryError(
        'copyFiles',
        `${id}.${column} is the character U+241F alone, which the store reserves`,
      );
    }
    return this.quote(text);
  }

  private quote(text: string): string {
    if (!this.multiline && /[\n\r]/.test(text)) this.multiline = true;
    return `"${text.replace(/"/g, '""')}"`;
  }

  private push(line: string): void {
    this.buffer.push(line);
    this.buffered += line.length;
    if (this.buffered >= WRITE_CHUNK) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.buffered = 0;
  }

  /** Writes what is buffered and closes the file. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    this.flush();
    closeSync(this.fd);
  }
}

/** The COPY files of one load, in one folder, by table key. */
export class CopyFiles {
  private readonly files = new Map<string, CopyFile>();

  constructor(private readonly folder: string) {
    mkdirSync(folder, { recursive: true });
  }

  /** The file for `key`, created with `columns` on first use. */
  file(key: string, columns: readonly string[]): CopyFile {
    let file = this.files.get(key);
    if (!file) {
      file = new CopyFile(join(this.folder, `${this.files.size}.csv`), columns);
      this.files.set(key, file);
    }
    return file;
  }

  /** Every file, in the order first used, by key. */
  entries(): [string, CopyFile][] {
    return [...this.files];
  }

  closeAll(): void {
    for (const file of this.files.values()) file.close();
  }
}
