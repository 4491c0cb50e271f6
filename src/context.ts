import type { GraphQLResolveInfo } from 'graphql';
import type { VersionedCache } from './cache/versioned-cache.js';
import type { Config } from './config.js';
import { createLoaders, type Loaders } from './loaders/create-loaders.js';
import type { Logger } from './logger.js';
import type { NetworkCache } from './network/network-cache.js';
import type { GraphStore, RequestReader } from './store/port.js';

/**
 * What every resolver gets: this request's reader of the store (one read transaction on Neo4j) and
 * the loaders over it, the network analyses and other values worked out from the whole graph
 * (shared by all requests, kept per graph version), the config and a logger. Resolvers read through
 * the loaders or a service in services/, never through the reader itself.
 */
export interface Context {
  readonly reader: RequestReader;
  readonly loaders: Loaders;
  readonly network: NetworkCache;
  /** Values worked out from the whole graph, kept per graph version (the search index). */
  readonly cache: VersionedCache;
  readonly config: Config;
  readonly log: Logger;
  /**
   * Starts the reads that follow a connection's own read (`after`), for the relationship fields
   * its nodes select (schema/early-reads.ts, startFollowingReads): given by the app, which knows
   * the schema; a no-op where none is given.
   */
  readonly follow: (info: GraphQLResolveInfo, after: Promise<unknown>) => void;
}

/** What starts a connection's following reads (see Context.follow). */
export type StartFollowing = (ctx: Context, info: GraphQLResolveInfo, after: Promise<unknown>) => void;

/** A request's context. Its reader must be closed when the request is done (app.ts does). */
export function createContext(
  store: GraphStore,
  network: NetworkCache,
  cache: VersionedCache,
  config: Config,
  log: Logger,
  onStatement?: (name: string, ms: number, ok: boolean) => void,
  startFollowing?: StartFollowing,
): Context {
  const reader = store.openReader({
    deadlineMs: config.requestTimeoutMs,
    maxBytes: config.maxResponseBytes,
    ...(onStatement ? { onStatement } : {}),
  });
  const ctx: Context = {
    reader,
    loaders: createLoaders(reader),
    network,
    cache,
    config,
    log,
    follow: (info, after) => startFollowing?.(ctx, info, after),
  };
  return ctx;
}
