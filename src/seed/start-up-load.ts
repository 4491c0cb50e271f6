import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { LoadInProgressError } from '../store/errors.js';
import { progressFor } from '../store/load-progress.js';
import type { GraphStore } from '../store/port.js';
import { loadSeeds, SeedValidationError } from './load-seeds.js';
import { formatProblem } from './read-seeds.js';

/** A start-up load that another load held off, being tried again while the service serves. */
export interface DeferredLoad {
  /** Stops trying. A load already running is left to fail as the store closes (all or nothing). */
  stop(): void;
}

/**
 * Loads the seeds at start-up if the store does not already hold them (or always, or never, as
 * HLP_LOAD_ON_START says). When the seeds do not validate, a store that already holds a graph keeps
 * serving it (the problems are logged); an empty store has nothing to serve, so the error is thrown
 * and start-up fails.
 *
 * On Neo4j another load may be running (LOAD_IN_PROGRESS: another service starting on the same
 * database, or `hlp-graph load`). This load is then tried again every HLP_LOAD_RETRY_MS:
 * - a store that holds a graph serves it at once, and the load is tried again in the background
 *   (the DeferredLoad returned, stopped with the server); readers never see a load half-done;
 * - an empty store has nothing to serve: start-up waits, trying again, until the other load ends,
 *   or until its lease goes stale when it died.
 * Once the other load has switched to these seeds, `auto` finds them loaded and writes nothing.
 */
export async function loadOnStart(
  store: GraphStore,
  config: Config,
  log: Logger,
): Promise<DeferredLoad | null> {
  const current = await store.graphVersion();
  if (config.loadOnStart === 'never') {
    if (current === null) log.warn('the store holds no graph and HLP_LOAD_ON_START=never');
    return null;
  }
  // Progress of a long load at start goes to the log (stderr), one entry per line of progress.
  const progress = progressFor(config.loadProgress, ({ text, ...facts }) => log.info(facts, `load: ${text}`));
  const attempt = async () => {
    await loadSeeds(store, config.seedsDir, log, { onlyIfChanged: config.loadOnStart === 'auto', progress });
  };
  try {
    await whenFree(store, attempt);
    return null;
  } catch (error) {
    if (!(error instanceof LoadInProgressError)) return keepServing(store, error, log);
    const wait = { code: error.code, retryInMs: config.loadRetryMs };
    if (current === null) {
      log.warn(wait, `${error.message}: the store holds no graph yet; waiting for that load to end`);
      await untilRun(store, attempt, config.loadRetryMs, log).catch((failure) =>
        keepServing(store, failure, log),
      );
      return null;
    }
    log.warn({ ...wait, serving: current }, `${error.message}: serving the graph the store holds`);
    return inBackground(store, attempt, config.loadRetryMs, log);
  }
}

/** After a failed load: serve the graph the store holds, or throw when it holds none. */
async function keepServing(store: GraphStore, error: unknown, log: Logger): Promise<null> {
  const serving = await store.graphVersion();
  if (!(error instanceof SeedValidationError) || serving === null) throw error;
  log.error(
    { code: error.code, problems: error.problems.map(formatProblem), serving },
    'the seeds do not validate: serving the graph the store already holds',
  );
  return null;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Loads unless another load holds the lease: reading it is one small statement, where an attempt
 * validates every seed file first (half a minute at a million relationships). Throws
 * LoadInProgressError while the lease is held, and when another load takes it first.
 */
async function whenFree(store: GraphStore, attempt: () => Promise<void>): Promise<void> {
  const other = await store.loadInProgress();
  if (other !== null) throw new LoadInProgressError(other);
  await attempt();
}

/** Tries again every `ms` while another load holds this one off; any other failure is thrown. */
async function untilRun(
  store: GraphStore,
  attempt: () => Promise<void>,
  ms: number,
  log: Logger,
): Promise<void> {
  for (;;) {
    await sleep(ms);
    try {
      return await whenFree(store, attempt);
    } catch (error) {
      if (!(error instanceof LoadInProgressError)) throw error;
      log.debug({ code: error.code, retryInMs: ms }, error.message);
    }
  }
}

/** untilRun while the service serves: failures are logged, never thrown (the graph stays served). */
function inBackground(
  store: GraphStore,
  attempt: () => Promise<void>,
  ms: number,
  log: Logger,
): DeferredLoad {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const later = () => {
    timer = setTimeout(() => {
      whenFree(store, attempt).then(
        () => log.info('the start-up load another load had held off has run'),
        (error: unknown) => {
          if (stopped) return;
          if (error instanceof LoadInProgressError) {
            log.debug({ code: error.code, retryInMs: ms }, error.message);
            later();
            return;
          }
          log.error({ err: error }, 'the start-up load failed: serving the graph the store holds');
        },
      );
    }, ms);
    // Waiting to load again never keeps a stopping process alive.
    timer.unref();
  };
  later();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
