import { analyseNetwork, type NetworkResult } from '../analysis/analyse.js';
import type { ProjectionOptions } from '../analysis/projection.js';
import type { VersionedCache } from '../cache/versioned-cache.js';
import type { GraphData } from '../model/records.js';
import { NetworkPendingError } from '../store/errors.js';
import type { GraphStore } from '../store/port.js';
import type { NetworkRequest } from './network-options.js';

/** How a cache works out an analysis: in this thread (the CLI, with progress) or off it (the service). */
export type Analyse = (
  data: GraphData,
  options: ProjectionOptions,
  seed: number,
  onProgress?: (step: string) => void,
) => Promise<NetworkResult>;

const inThisThread: Analyse = async (data, options, seed, onProgress) =>
  analyseNetwork(data, options, seed, onProgress);

export interface CachedNetwork {
  readonly result: NetworkResult;
  /** The seed hash of the graph the result was computed from. */
  readonly graphVersion: string;
}

/**
 * Network analyses computed once per graph version and per request: the first request reads the
 * whole graph from the store (once for every projection) and analyses it; later ones get the same
 * result until the graph is reloaded.
 */
export class NetworkCache {
  /**
   * `waitMs`: how long a get waits for an analysis before it throws NetworkPendingError (the
   * analysis goes on and is cached); none waits for it to finish.
   */
  constructor(
    private readonly store: GraphStore,
    private readonly cache: VersionedCache,
    private readonly analyse: Analyse = inThisThread,
    private readonly waitMs: number | null = null,
  ) {}

  async get(request: NetworkRequest, onProgress?: (step: string) => void): Promise<CachedNetwork> {
    const key = JSON.stringify([
      request.projection,
      request.weighting,
      request.period,
      [...request.kinds].sort(),
      request.seed,
    ]);
    const computed = this.cache.get(`network:${key}`, async () => {
      const { value: graph } = await this.cache.get('graph', () => this.store.readGraph());
      return this.analyse(graph, request, request.seed, onProgress);
    });
    const { value, version } = this.waitMs === null ? await computed : await within(computed, this.waitMs);
    return { result: value, graphVersion: version };
  }
}

/** The promise's value, or NetworkPendingError after `ms` (the promise runs on). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NetworkPendingError(ms)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
