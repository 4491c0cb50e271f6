import { createServer, type Server } from 'node:http';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { withBodyLimit } from './http/request-body.js';
import type { Logger } from './logger.js';
import { assertPortFree, PortInUseError } from './port-check.js';
import { type DeferredLoad, loadOnStart } from './seed/start-up-load.js';
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

/** Opens the store, seeds it, and serves GraphQL on the configured host and port. */
export async function startServer(config: Config, log: Logger): Promise<RunningServer> {
  await assertPortFree(config.http.host, config.http.port);
  const store = await openStore(config, log);
  let server: Server | undefined;
  let deferred: DeferredLoad | null = null;
  try {
    deferred = await loadOnStart(store, config, log);
    const left = await store.leftByLoads();
    if (left !== null) log.warn(left);
    const yoga = createApp({ store, config, log });
    server = createServer(withBodyLimit(yoga, config.maxBodyBytes));
    const listening = server;
    await new Promise<void>((resolve, reject) => {
      listening.once('error', (error: NodeJS.ErrnoException) =>
        reject(error.code === 'EADDRINUSE' ? new PortInUseError(config.http.host, config.http.port) : error),
      );
      listening.listen(config.http.port, config.http.host, () => resolve());
    });
  } catch (error) {
    deferred?.stop();
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
  const load = deferred;
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
      load?.stop();
      await store.close();
    },
  };
}
