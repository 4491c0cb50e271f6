import { analyseNetwork, type NetworkResult } from '../analysis/analyse.js';
import type { ProjectionOptions } from '../analysis/projection.js';
import type { VersionedCache } from '../cache/versioned-cache.js';
import type { GraphView } from '../model/records.js';
import { NetworkBusyError, NetworkPendingError } from '../store/errors.js';
import type { GraphStore } from '../store/port.js';
import type { NetworkRequest } from './network-options.js';

/** How a cache works out an analysis: in this thread (the CLI, with progress) or off it (the service). */
export type Analyse = (
  data: GraphView,
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
 * projection's ties from the store and analyses them; later ones get the same result until the
 * graph is reloaded.
 */
export class NetworkCache {
  /**
   * `waitMs`: how long a get waits for an analysis before it throws NetworkPendingError (the
   * analysis goes on and is cached); none waits for it to finish. `maxRunning`: how many analyses
   * may run at once; a get that would start one more throws NetworkBusyError (nothing is cached).
   */
  constructor(
    private readonly store: GraphStore,
    private readonly cache: VersionedCache,
    private readonly analyse: Analyse = inThisThread,
    private readonly waitMs: number | null = null,
    private readonly maxRunning: number = Number.POSITIVE_INFINITY,
  ) {}

  /** Analyses started and not yet ended (a request that stopped waiting leaves its analysis running). */
  private running = 0;

  async get(request: NetworkRequest, onProgress?: (step: string) => void): Promise<CachedNetwork> {
    const key = JSON.stringify([
      request.projection,
      request.weighting,
      request.period,
      [...request.kinds].sort(),
      request.seed,
    ]);
    const { pending, version } = await this.cache.entry(`network:${key}`, async () => {
      if (this.running >= this.maxRunning) throw new NetworkBusyError(this.running);
      this.running++;
      try {
        // Only the projection's ties are read, one statement: not the whole graph, which is what
        // made a large graph's first analysis hold gigabytes (every node and edge with its evidence).
        const ties = await this.store.readNetworkTies(request.kinds, request.period);
        return await this.analyse(ties, request, request.seed, onProgress);
      } finally {
        this.running--;
      }
    });
    const result = this.waitMs === null ? await pending : await within(pending, this.waitMs);
    return { result, graphVersion: version };
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
