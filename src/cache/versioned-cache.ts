import type { GraphStore } from '../store/port.js';

/**
 * Values worked out from the whole graph (a network analysis, the search index), kept until the
 * graph changes: every get checks the stored graph's version (a cheap query) and drops everything
 * when it moved on. A computation in flight is shared, and a failed one is not kept.
 */
export class VersionedCache {
  private version: string | null = null;
  private readonly entries = new Map<string, Promise<unknown>>();

  /** At most `capacity` values are kept; the least recently used goes first (keys can come from user input). */
  constructor(
    private readonly store: GraphStore,
    private readonly capacity = 64,
  ) {}

  /** The value for `key` under the current graph version, computing it once if needed. */
  async get<T>(key: string, compute: () => Promise<T>): Promise<{ value: T; version: string }> {
    const { pending, version } = await this.entry(key, compute);
    return { value: await pending, version };
  }

  /**
   * The entry for `key` under the current graph version, its computation started if needed, not
   * waited for: a caller can bound how long it waits, and hears at once of a computation that
   * failed as it started.
   */
  async entry<T>(key: string, compute: () => Promise<T>): Promise<{ pending: Promise<T>; version: string }> {
    const version = (await this.store.graphVersion())?.seedHash ?? 'not loaded';
    if (version !== this.version) {
      this.version = version;
      this.entries.clear();
    }
    let entry = this.entries.get(key) as Promise<T> | undefined;
    if (entry) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, entry);
    } else {
      entry = compute();
      this.entries.set(key, entry);
      while (this.entries.size > this.capacity) {
        const oldest = this.entries.keys().next().value;
        if (oldest === undefined) break;
        this.entries.delete(oldest);
      }
      const settled = entry;
      settled.catch(() => {
        if (this.entries.get(key) === settled) this.entries.delete(key);
      });
    }
    return { pending: entry, version };
  }
}
