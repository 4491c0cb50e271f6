import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EvidenceOut, FieldValue, SeedRecordOut } from './record.js';

/**
 * Writes seed records as YAML files, a bounded number of records per file (nodes-000.yaml,
 * nodes-001.yaml, ...), as it is given them: nothing but the current chunk of text is held. The YAML
 * is the seed format's (block records, evidence as flow maps), written by hand rather than by a YAML
 * library, because a library would want the whole document and is many times slower.
 */

/**
 * Text that YAML's core schema reads back as this exact string without quotes, in a block or a flow
 * collection: words (no `: `, ` #`, commas or brackets, no quote or indicator first), periods
 * (2019/20) and report file names. Ids and other ASCII tokens have their own, cheaper pattern: they
 * are most of what is written. (An id's colons are safe: none is followed by a space.)
 */
const TOKEN = /^[a-z][a-z0-9._:/-]*[a-z0-9]$/;
const PLAIN = /^\p{L}[\p{L}\p{N} ’'()&./_-]*[\p{L}\p{N})._]$|^\p{L}$|^\d{4}\/\d{2}$|^\d{3}_[0-9a-f]+\.txt$/u;
const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n)$/i;

/** A string as a YAML scalar: plain when that is safe and reads back the same, else double-quoted. */
export function yamlString(text: string): string {
  if (TOKEN.test(text) && !RESERVED.test(text)) return text;
  // JSON's double-quoted strings are YAML double-quoted scalars (same escapes); letters stay as UTF-8.
  return PLAIN.test(text) && !RESERVED.test(text) && !text.includes('  ') ? text : JSON.stringify(text);
}

function yamlValue(value: FieldValue): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} to a seed file`);
    return String(value);
  }
  if (typeof value === 'string') return yamlString(value);
  return `[${value.map(yamlString).join(', ')}]`;
}

function evidenceYaml(e: EvidenceOut): string {
  return `      - { source: ${yamlString(e.source)}, lines: [${e.lines[0]}, ${e.lines[1]}], section: ${yamlString(e.section)} }\n`;
}

/** One record as a YAML list item of a top-level list; fields in their order, undefined ones left out. */
export function recordYaml(record: SeedRecordOut): string {
  let text = '';
  let first = true;
  for (const key in record) {
    if (key === 'evidence') continue;
    const value = record[key];
    if (value === undefined) continue;
    text += `${first ? '  - ' : '    '}${key}: ${yamlValue(value as FieldValue)}\n`;
    first = false;
  }
  text += '    evidence:\n';
  for (const e of record.evidence) text += evidenceYaml(e);
  return text;
}

export interface SeedWriterOptions {
  /** The list every file holds: `nodes` or `edges`; also the files' name (nodes-000.yaml). */
  readonly list: 'nodes' | 'edges';
  readonly maxRecordsPerFile: number;
  /** Digits of the file number, enough for the largest graph planned. */
  readonly digits: number;
  /** A comment at the top of every file. */
  readonly header: string;
  /** Checked at every chunk: when aborted, writing stops with the signal's reason. */
  readonly signal: AbortSignal;
  /** Called at every chunk with the records written so far (by this writer). */
  readonly onChunk?: (written: number) => void;
}

/** Text held before it is written out: large enough for few system calls, small enough to be nothing. */
const CHUNK_CHARS = 1 << 19;

/**
 * Streams records into numbered YAML files under one directory. Counts what it wrote by kind.
 * `close()` must be called at the end (it writes the last chunk); on failure the caller discards
 * the whole directory, so a half-written file is never left where a reader would take it.
 */
export class SeedFileWriter {
  readonly files: string[] = [];
  readonly counts = new Map<string, number>();
  written = 0;
  private fd: number | undefined;
  private inFile = 0;
  private chunk = '';

  constructor(
    private readonly dir: string,
    private readonly options: SeedWriterOptions,
  ) {}

  /** Writes every record of `records`, yielding to the event loop at every chunk (so signals are heard). */
  async writeAll(records: Iterable<SeedRecordOut>): Promise<void> {
    for (const record of records) {
      if (this.fd === undefined || this.inFile >= this.options.maxRecordsPerFile) this.nextFile();
      this.chunk += recordYaml(record);
      this.inFile++;
      this.written++;
      this.counts.set(record.kind, (this.counts.get(record.kind) ?? 0) + 1);
      if (this.chunk.length >= CHUNK_CHARS) await this.flush();
    }
  }

  /** Writes what is left and closes the last file. */
  async close(): Promise<void> {
    await this.flush();
    this.closeFile();
  }

  /** Closes the open file without writing what is held (after a failure). */
  abandon(): void {
    this.chunk = '';
    this.closeFile();
  }

  private async flush(): Promise<void> {
    if (this.chunk.length > 0 && this.fd !== undefined) writeSync(this.fd, this.chunk);
    this.chunk = '';
    this.options.onChunk?.(this.written);
    // Synchronous writes keep the code simple and fast; this turn of the event loop lets a SIGINT or
    // SIGTERM handler run between chunks, and the check below stops the run when one did.
    await nextTurn();
    this.options.signal.throwIfAborted();
  }

  private nextFile(): void {
    if (this.chunk.length > 0 && this.fd !== undefined) writeSync(this.fd, this.chunk);
    this.chunk = '';
    this.closeFile();
    const name = `${this.options.list}-${String(this.files.length).padStart(this.options.digits, '0')}.yaml`;
    this.fd = openSync(join(this.dir, name), 'wx');
    this.files.push(name);
    this.inFile = 0;
    this.chunk = `${this.options.header}${this.options.list}:\n`;
  }

  private closeFile(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }
}
