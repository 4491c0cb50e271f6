import type { GraphStore } from '../store/port.js';

/**
 * Values worked out from the whole graph (a network analysis, the search index), kept until the
 * graph changes: every get checks the stored graph's version (a cheap query) and drops everything
 * when it moved on. A computation in flight is shared, and a failed one is not kept.
 */
export class VersionedCache {
  private version: string | null = null;
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(private readonly store: GraphStore) {}

  /** The value for `key` under the current graph version, computing it once if needed. */
  async get<T>(key: string, compute: () => Promise<T>): Promise<{ value: T; version: string }> {
    const version = (await this.store.graphVersion())?.seedHash ?? 'not loaded';
    if (version !== this.version) {
      this.version = version;
      this.entries.clear();
    }
    let entry = this.entries.get(key) as Promise<T> | undefined;
    if (!entry) {
      entry = compute();
      this.entries.set(key, entry);
      const settled = entry;
      settled.catch(() => {
        if (this.entries.get(key) === settled) this.entries.delete(key);
      });
    }
    return { value: await entry, version };
  }
}
