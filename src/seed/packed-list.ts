/**
 * A growable list of unsigned 32-bit integers. Validation keeps a few numbers per relationship until
 * every file has been read; at a million relationships a plain array of numbers costs 8 bytes an
 * element, this costs 4 and one allocation per doubling.
 */
export class PackedList {
  private items = new Uint32Array(1024);
  private size = 0;

  get length(): number {
    return this.size;
  }

  /** Appends `value` (0 to 2^32 - 1) and returns its index. */
  push(value: number): number {
    if (this.size === this.items.length) {
      const grown = new Uint32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.size] = value;
    return this.size++;
  }

  /** The value at `index`; throws RangeError past the end. */
  get(index: number): number {
    if (index < 0 || index >= this.size) throw new RangeError(`index ${index} of ${this.size}`);
    return this.items[index] as number;
  }
}
