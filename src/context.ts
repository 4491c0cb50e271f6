import type { VersionedCache } from './cache/versioned-cache.js';
import type { Config } from './config.js';
import { createLoaders, type Loaders } from './loaders/create-loaders.js';
import type { Logger } from './logger.js';
import type { NetworkCache } from './network/network-cache.js';
import type { GraphStore } from './store/port.js';

/**
 * What every resolver gets: the store port, this request's loaders, the network analyses and other
 * values worked out from the whole graph (shared by all requests, kept per graph version), the
 * config and a logger.
 */
export interface Context {
  readonly store: GraphStore;
  readonly loaders: Loaders;
  readonly network: NetworkCache;
  /** Values worked out from the whole graph, kept per graph version (the search index). */
  readonly cache: VersionedCache;
  readonly config: Config;
  readonly log: Logger;
}

export function createContext(
  store: GraphStore,
  network: NetworkCache,
  cache: VersionedCache,
  config: Config,
  log: Logger,
): Context {
  return { store, loaders: createLoaders(store), network, cache, config, log };
}
