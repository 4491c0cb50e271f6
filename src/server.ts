import { createServer, type Server } from 'node:http';
import { createApp } from './app.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { loadSeeds } from './seed/load-seeds.js';
import { openStore } from './store/open-store.js';
import type { GraphStore } from './store/port.js';

export interface RunningServer {
  readonly url: string;
  readonly store: GraphStore;
  /** Stops accepting requests, waits for those in flight, and closes the store. */
  stop(): Promise<void>;
}

/**
 * Loads the seeds if the store does not already hold them (or always/never, as configured). A store
 * that holds an older graph keeps serving it when the new seeds do not validate: the error is thrown.
 */
export async function ensureSeeded(store: GraphStore, config: Config, log: Logger): Promise<void> {
  if (config.loadOnStart === 'never') {
    if ((await store.graphVersion()) === null)
      log.warn('the store holds no graph and HLP_LOAD_ON_START=never');
    return;
  }
  await loadSeeds(store, config.seedsDir, log, { onlyIfChanged: config.loadOnStart === 'auto' });
}

/** Opens the store, seeds it, and serves GraphQL on the configured host and port. */
export async function startServer(config: Config, log: Logger): Promise<RunningServer> {
  const store = await openStore(config, log);
  let server: Server | undefined;
  try {
    await ensureSeeded(store, config, log);
    const yoga = createApp({ store, config, log });
    server = createServer(yoga);
    const listening = server;
    await new Promise<void>((resolve, reject) => {
      listening.once('error', reject);
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
        running.close(() => resolve());
        running.closeIdleConnections();
      });
      await store.close();
    },
  };
}
