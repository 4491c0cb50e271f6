import { analyseNetwork, type NetworkResult } from '../analysis/analyse.js';
import type { GraphData } from '../model/records.js';
import type { GraphStore } from '../store/port.js';
import type { NetworkRequest } from './network-options.js';

export interface CachedNetwork {
  readonly result: NetworkResult;
  /** The seed hash of the graph the result was computed from. */
  readonly graphVersion: string;
}

/**
 * Network analyses computed once per graph version and per request: the first request reads the
 * whole graph from the store and analyses it; later ones get the same result until the graph is
 * reloaded (its version changes), when everything is dropped and recomputed on demand.
 */
export class NetworkCache {
  private version: string | null = null;
  private graph: Promise<GraphData> | null = null;
  private readonly results = new Map<string, Promise<NetworkResult>>();

  constructor(private readonly store: GraphStore) {}

  async get(request: NetworkRequest, onProgress?: (step: string) => void): Promise<CachedNetwork> {
    const version = (await this.store.graphVersion())?.seedHash ?? 'not loaded';
    if (version !== this.version) {
      this.version = version;
      this.graph = null;
      this.results.clear();
    }
    const key = JSON.stringify([
      request.projection,
      request.weighting,
      request.period,
      [...request.kinds].sort(),
      request.seed,
    ]);
    let result = this.results.get(key);
    if (!result) {
      this.graph ??= this.store.readGraph();
      const graph = this.graph;
      result = graph.then((data) => analyseNetwork(data, request, request.seed, onProgress));
      this.results.set(key, result);
      // A failed computation is not cached: the next request tries again.
      result.catch(() => {
        if (this.results.get(key) === result) this.results.delete(key);
        if (this.graph === graph) this.graph = null;
      });
    }
    return { result: await result, graphVersion: version };
  }
}
