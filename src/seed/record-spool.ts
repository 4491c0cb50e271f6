import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';

/** Bytes gathered before one write: few system calls, little memory. */
const WRITE_CHUNK = 1 << 20;

/**
 * An append-only file of JSON values, one per line, read back in batches. Validation writes the
 * records it has checked here while it reads the seed files, so the load that follows reads each
 * record once more as JSON (several times faster than YAML), nodes before relationships whatever
 * the order of the files, and exactly what was validated even if a seed file changes meanwhile.
 */
export class RecordSpool<T> {
  private fd: number | null;
  private buffer: string[] = [];
  private buffered = 0;
  private count = 0;

  /** Creates (or truncates) the file at `path`. */
  constructor(private readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  get length(): number {
    return this.count;
  }

  /** Appends one value; throws once the spool is closed. */
  append(value: T): void {
    if (this.fd === null) throw new Error(`the spool ${this.path} is closed`);
    const line = `${JSON.stringify(value)}\n`;
    this.buffer.push(line);
    this.buffered += line.length;
    this.count++;
    if (this.buffered >= WRITE_CHUNK) this.flush();
  }

  /** Writes what is buffered and closes the file; batches() may be called afterwards, any number of times. */
  close(): void {
    if (this.fd === null) return;
    this.flush();
    closeSync(this.fd);
    this.fd = null;
  }

  private flush(): void {
    if (this.fd === null || this.buffer.length === 0) return;
    writeSync(this.fd, this.buffer.join(''));
    this.buffer = [];
    this.buffered = 0;
  }

  /** Every value in the order appended, in arrays of at most `size`. Throws if the spool is still open. */
  async *batches(size: number): AsyncGenerator<T[]> {
    if (this.fd !== null) throw new Error(`the spool ${this.path} is still being written`);
    let batch: T[] = [];
    let rest = '';
    for await (const chunk of createReadStream(this.path, { encoding: 'utf8', highWaterMark: WRITE_CHUNK })) {
      const lines = (rest + String(chunk)).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        batch.push(JSON.parse(line) as T);
        if (batch.length >= size) {
          yield batch;
          batch = [];
        }
      }
    }
    if (rest !== '') batch.push(JSON.parse(rest) as T);
    if (batch.length > 0) yield batch;
  }
}
