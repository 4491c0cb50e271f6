import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { GraphQLError } from 'graphql';
import { createYoga, type Plugin, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import { VersionedCache } from './cache/versioned-cache.js';
import type { Config } from './config.js';
import { type Context, createContext } from './context.js';
import { loadExamples } from './graphiql/examples.js';
import { useAccessLog } from './http/access-log.js';
import { useCompiledQueries } from './http/compiled-queries.js';
import { useConcurrencyLimit } from './http/concurrency-limit.js';
import { useExplorer } from './http/explorer.js';
import { useFundingExports } from './http/funding-exports.js';
import { useGraphExports } from './http/graph-exports.js';
import { useOneGraphqlEndpoint } from './http/graphql-endpoint.js';
import { Metrics, useMetrics } from './http/metrics.js';
import { useNetworkExports } from './http/network-exports.js';
import { useRateLimit } from './http/rate-limit.js';
import { useRefusedMediaTypes } from './http/refused-media-types.js';
import { useRequestFacts } from './http/request-facts.js';
import { useSecurityHeaders } from './http/security-headers.js';
import { useNestingLimit } from './limits/nesting-limit.js';
import { usePersistedExamples } from './limits/persisted-operations.js';
import { useReadCost } from './limits/use-read-cost.js';
import { reportRefusal, useRefusalCodes } from './limits/use-refusal-codes.js';
import { useStoppedRequests } from './limits/use-stopped-requests.js';
import type { Logger } from './logger.js';
import { analyseOffThread } from './network/analyse-off-thread.js';
import { NetworkCache } from './network/network-cache.js';
import { startFollowingReads } from './schema/early-reads.js';
import { schema } from './schema/index.js';
import { StoreError } from './store/errors.js';
import type { GraphStore, ReadStats } from './store/port.js';

export interface AppOptions {
  readonly store: GraphStore;
  readonly config: Config;
  readonly log: Logger;
}

/**
 * What a client reads for each store failure: the code is stable, the message says what to do.
 * A request stopped for what it asked (too long, too much read) is refused with a 4xx; one that came
 * at a busy moment gets 429 and Retry-After (the contract: every refusal a 4xx, a 5xx only for a
 * fault); a store that is down is not the client's doing and keeps GraphQL's 200 with the error.
 */
interface StoreFailure {
  readonly message: string;
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
}

const STORE_FAILURES: Readonly<Record<string, StoreFailure>> = {
  STORE_UNAVAILABLE: { message: 'The graph store is unavailable; try again shortly.' },
  STORE_BUSY: {
    message:
      'The graph store has no memory free for this query now; try again shortly, or ask for fewer hops.',
    status: 429,
    headers: { 'Retry-After': '1' },
  },
  STORE_TIMEOUT: {
    message: 'The query took too long and was stopped; ask for less (smaller first:, fewer hops).',
    status: 400,
  },
  NETWORK_PENDING: {
    message:
      'The network is still being analysed (a big graph takes minutes the first time); ask again shortly.',
    status: 429,
    headers: { 'Retry-After': '5' },
  },
  NETWORK_BUSY: {
    message:
      'The service is analysing as many networks as it runs at once; ask again shortly, or ask for a network already analysed.',
    status: 429,
    headers: { 'Retry-After': '5' },
  },
  RESPONSE_TOO_LARGE: {
    message:
      'The answer would be too large and its reads were stopped; ask for smaller pages (first:, last:), fewer nested lists or fewer evidence fields.',
    status: 400,
  },
};

/**
 * Ends each request's reader when its execution is done (on Neo4j: its read transaction), and with
 * HLP_STORE_STATS=on reports what the request cost the store in response headers: statements run,
 * rows read, transactions opened.
 */
function useRequestReaders(config: Config): Plugin<Context> {
  const spent = new WeakMap<Request, ReadStats>();
  return {
    onExecute() {
      return {
        onExecuteDone({ args }) {
          const ctx = args.contextValue as Context & { readonly request?: Request };
          if (ctx.request) spent.set(ctx.request, ctx.reader.stats());
          // After the answer is written: ending Neo4j's transaction writes to its socket first.
          setImmediate(() => void ctx.reader.close());
        },
      };
    },
    onResponse({ request, response }) {
      const stats = spent.get(request);
      if (!config.storeStats || !stats) return;
      response.headers.set('x-store-statements', String(stats.statements));
      response.headers.set('x-store-sent-statements', String(stats.sent));
      response.headers.set('x-store-rows', String(stats.rows));
      response.headers.set('x-store-transactions', String(stats.transactions));
      response.headers.set('x-store-bytes', String(stats.bytes));
    },
  };
}

function original(error: unknown): unknown {
  return error instanceof GraphQLError && error.originalError ? original(error.originalError) : error;
}

/**
 * Builds the GraphQL service (with GraphiQL, /health and /ready) over a store. It never listens:
 * server.ts puts it on a socket, tests call `yoga.fetch` directly.
 */
export function createApp({
  store,
  config,
  log,
}: AppOptions): YogaServerInstance<Record<string, never>, Context> {
  const cache = new VersionedCache(store);
  // The service analyses networks off the event loop, and a request waits for one no longer than it
  // may read (an analysis runs on and is cached; the client is asked to come back).
  // Network analyses have a cache of their own: their keys come from requests (any period, any
  // seed), and a stream of them must not push out the search index or the downloads.
  const network = new NetworkCache(
    store,
    new VersionedCache(store),
    analyseOffThread,
    config.networkWaitMs,
    config.networkAnalyses,
  );
  const examples = loadExamples();
  const metrics = new Metrics();
  return createYoga<Record<string, never>, Context>({
    schema,
    context: () =>
      createContext(store, network, cache, config, log, metrics.onStatement, startFollowingReads),
    // No origin may call from a browser unless HLP_CORS_ORIGINS names it; never with credentials.
    cors:
      config.corsOrigins.length > 0
        ? { origin: [...config.corsOrigins], credentials: false, methods: ['GET', 'POST'] }
        : false,
    logging: {
      debug: (...args) => log.debug({ args }, 'yoga'),
      info: (...args) => log.info({ args }, 'yoga'),
      warn: (...args) => log.warn({ args }, 'yoga'),
      error: (...args) => log.error({ args }, 'yoga'),
    },
    // GraphiQL from the npm package, inlined into the page: yoga's default loads its scripts from a
    // CDN, which leaves a blank page on a network with no internet.
    renderGraphiQL,
    // Yoga's landing page answers any unknown path with "Visit GraphiQL" and its version, even in
    // production: unknown paths are 404.
    landingPage: false,
    // withBodyLimit (http/request-body.ts) bounds every body before yoga sees it. Yoga's own limit
    // would pipe each body, already read, through a TransformStream again: an abort controller, a
    // DOMException with its stack at the end of each pipe, and a new Request, a tenth of the
    // service's time on a `{ __typename }` request.
    maxRequestBodySize: false,
    graphiql: config.graphiql && {
      title: 'HLP Graph',
      // GraphiQL opens with every example operation in a tab of its own.
      defaultTabs: examples.map((e) => ({ query: e.query, variables: e.variables })),
    },
    maskedErrors: {
      // Expected failures carry a code; store failures get a stable code and a safe message;
      // anything else is masked so no internals reach a client.
      maskError: (error, message) => {
        const cause = original(error);
        if (cause instanceof StoreError) {
          log.warn({ code: cause.code, err: cause }, 'store error during a request');
          const path = error instanceof GraphQLError ? error.path : undefined;
          const failure = STORE_FAILURES[cause.code];
          return new GraphQLError(failure?.message ?? message, {
            ...(path ? { path } : {}),
            extensions: {
              code: cause.code,
              ...(failure?.status
                ? { http: { status: failure.status, headers: failure.headers ?? {} } }
                : {}),
            },
          });
        }
        // Errors raised on purpose (BAD_USER_INPUT, NOT_FOUND) and parse or validation errors pass as they are.
        if (cause instanceof GraphQLError) return error as Error;
        log.error({ err: cause }, 'unexpected error during a request');
        const path = error instanceof GraphQLError ? error.path : undefined;
        return new GraphQLError(message, {
          ...(path ? { path } : {}),
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        });
      },
    },
    plugins: [
      // First: the facts of each request that the access log and metrics report.
      useRequestFacts(),
      useOneGraphqlEndpoint(),
      useAccessLog(log),
      useMetrics(metrics),
      useSecurityHeaders(),
      useRateLimit(config.rateLimitPerMinute, config.trustProxy),
      useConcurrencyLimit(config.maxConcurrentRequests),
      useRefusedMediaTypes(),
      // A browser's simple request (a form post, a GET without this header) cannot run an
      // operation: cross-site request forgery needs one.
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }),
      // Before any parse: graphql-js parses by recursion, and thousands of brackets overflow its stack.
      useNestingLimit(100),
      ...(config.persistedOperations ? usePersistedExamples(examples) : []),
      ...(config.introspection ? [] : [useDisableIntrospection()]),
      // Bounds on what one request may ask, so no query can take the service down: nesting depth,
      // aliases and tokens here; what it may read (page sizes, variables included) in useReadCost.
      // Armor's own cost limit is off: it cannot see page sizes given as variables.
      // Validation refusals are reported as validation errors (not thrown), so every one of them
      // reaches useRefusalCodes and answers 400 with its code.
      EnvelopArmorPlugin({
        maxDepth: { n: 20, propagateOnRejection: false, onReject: [reportRefusal] },
        // __typename aliases count too (armor allows them by default): thousands of them are as
        // much work to parse and answer as any other field. 100 is graphql-cop's line (it sends 101).
        maxAliases: { n: 100, allowList: [], propagateOnRejection: false, onReject: [reportRefusal] },
        maxTokens: { n: 10_000 },
        costLimit: { enabled: false },
        maxDirectives: { n: 20, propagateOnRejection: false, onReject: [reportRefusal] },
        // Suggestions help analysts in GraphiQL; where introspection is off they would leak the schema.
        blockFieldSuggestion: { enabled: !config.introspection },
      }),
      useRefusalCodes(),
      // After the readers: a refused request still closes its (unused) reader and reports 0 statements.
      useRequestReaders(config),
      useStoppedRequests(),
      useReadCost(config),
      // After the limits: a refused request never compiles.
      ...(config.compiledQueries ? [useCompiledQueries({ header: config.storeStats })] : []),
      useNetworkExports(network, log),
      useFundingExports(store, cache, log),
      useGraphExports(store, cache, log),
      useExplorer(),
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => {
          try {
            await store.ping();
            return true;
          } catch (error) {
            log.warn({ err: error }, 'readiness check failed');
            return false;
          }
        },
      }),
    ],
  });
}
