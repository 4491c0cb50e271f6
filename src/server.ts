import { createServer, type Server } from 'node:http';
import { createApp } from './app.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { assertPortFree, PortInUseError } from './port-check.js';
import { loadSeeds, SeedValidationError } from './seed/load-seeds.js';
import { formatProblem } from './seed/read-seeds.js';
import { LoadInProgressError } from './store/errors.js';
import { progressFor } from './store/load-progress.js';
import { openStore } from './store/open-store.js';
import type { GraphStore } from './store/port.js';

export interface RunningServer {
  readonly url: string;
  readonly store: GraphStore;
  /**
   * Stops accepting requests, waits for those in flight (at most HLP_SHUTDOWN_TIMEOUT_MS, then
   * closes their connections), and closes the store.
   */
  stop(): Promise<void>;
}

/**
 * Loads the seeds if the store does not already hold them (or always/never, as configured). When
 * the seeds do not validate, a store that already holds a graph keeps serving it (the problems are
 * logged); an empty store cannot serve anything, so the error is thrown and start-up fails.
 */
export async function ensureSeeded(store: GraphStore, config: Config, log: Logger): Promise<void> {
  const current = await store.graphVersion();
  if (config.loadOnStart === 'never') {
    if (current === null) log.warn('the store holds no graph and HLP_LOAD_ON_START=never');
    return;
  }
  try {
    // Progress of a long load at start goes to the log (stderr), one entry per line of progress.
    const progress = progressFor(config.loadProgress, ({ text, ...facts }) =>
      log.info(facts, `load: ${text}`),
    );
    await loadSeeds(store, config.seedsDir, log, { onlyIfChanged: config.loadOnStart === 'auto', progress });
  } catch (error) {
    // Another service starting on the same Neo4j is loading: the graph it switches to is served too
    // once that load ends. An empty store has nothing to serve meanwhile.
    if (error instanceof LoadInProgressError && current !== null) {
      log.warn({ code: error.code, serving: current }, `${error.message}: serving the graph the store holds`);
      return;
    }
    if (!(error instanceof SeedValidationError) || current === null) throw error;
    log.error(
      { code: error.code, problems: error.problems.map(formatProblem), serving: current },
      'the seeds do not validate: serving the graph the store already holds',
    );
  }
}

/** Opens the store, seeds it, and serves GraphQL on the configured host and port. */
export async function startServer(config: Config, log: Logger): Promise<RunningServer> {
  await assertPortFree(config.http.host, config.http.port);
  const store = await openStore(config, log);
  let server: Server | undefined;
  try {
    await ensureSeeded(store, config, log);
    const yoga = createApp({ store, config, log });
    server = createServer(yoga);
    const listening = server;
    await new Promise<void>((resolve, reject) => {
      listening.once('error', (error: NodeJS.ErrnoException) =>
        reject(error.code === 'EADDRINUSE' ? new PortInUseError(config.http.host, config.http.port) : error),
      );
      listening.listen(config.http.port, config.http.host, () => resolve());
    });
  } catch (error) {
    server?.close();
    await store.close();
    throw error;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.http.port;
  const host =
    config.http.host === '0.0.0.0' || config.http.host === '127.0.0.1' ? 'localhost' : config.http.host;
  const url = `http://${host}:${port}/graphql`;
  log.info({ url, engine: store.engine }, 'HLP Graph is serving GraphQL');
  const running = server;
  return {
    url,
    store,
    stop: async () => {
      await new Promise<void>((resolve) => {
        const deadline = setTimeout(() => {
          log.warn(
            { afterMs: config.shutdownTimeoutMs },
            'closing the connections of requests still running',
          );
          running.closeAllConnections();
        }, config.shutdownTimeoutMs);
        running.close(() => {
          clearTimeout(deadline);
          resolve();
        });
        running.closeIdleConnections();
      });
      await store.close();
    },
  };
}
