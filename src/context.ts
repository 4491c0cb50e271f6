import type { Config } from './config.js';
import { createLoaders, type Loaders } from './loaders/create-loaders.js';
import type { Logger } from './logger.js';
import type { GraphStore } from './store/port.js';

/** What every resolver gets: the store port, this request's loaders, the config and a logger. */
export interface Context {
  readonly store: GraphStore;
  readonly loaders: Loaders;
  readonly config: Config;
  readonly log: Logger;
}

export function createContext(store: GraphStore, config: Config, log: Logger): Context {
  return { store, loaders: createLoaders(store), config, log };
}
