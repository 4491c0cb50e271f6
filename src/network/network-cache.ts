import { analyseNetwork, type NetworkResult } from '../analysis/analyse.js';
import type { VersionedCache } from '../cache/versioned-cache.js';
import type { GraphStore } from '../store/port.js';
import type { NetworkRequest } from './network-options.js';

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
  constructor(
    private readonly store: GraphStore,
    private readonly cache: VersionedCache,
  ) {}

  async get(request: NetworkRequest, onProgress?: (step: string) => void): Promise<CachedNetwork> {
    const key = JSON.stringify([
      request.projection,
      request.weighting,
      request.period,
      [...request.kinds].sort(),
      request.seed,
    ]);
    const { value, version } = await this.cache.get(`network:${key}`, async () => {
      const { value: graph } = await this.cache.get('graph', () => this.store.readGraph());
      return analyseNetwork(graph, request, request.seed, onProgress);
    });
    return { result: value, graphVersion: version };
  }
}
