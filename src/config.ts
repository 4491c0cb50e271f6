import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root: defaults for data/ and seeds/ hang off it, whatever the working directory. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

const MB = 1024 * 1024;

const intFromEnv = (fallback: number, min: number, max: number) =>
  z.coerce
    .number({ error: 'expected a whole number' })
    .int('expected a whole number')
    .min(min, `expected at least ${min}`)
    .max(max, `expected at most ${max}`)
    .default(fallback);

/** Every environment variable the service reads, with its default. This module is their only reader. */
const envSchema = z.object({
  HLP_STORE: z.enum(['kuzu', 'neo4j'], { error: 'expected kuzu or neo4j' }).default('kuzu'),
  HLP_DATA_DIR: z.string().min(1).default(resolve(PROJECT_ROOT, 'data')),
  HLP_SEEDS_DIR: z.string().min(1).default(resolve(PROJECT_ROOT, 'seeds')),
  HLP_SOURCES_DIR: z
    .string()
    .min(1)
    .default(resolve(PROJECT_ROOT, '..', 'shared', 'sources')),
  HLP_QUERY_TIMEOUT_MS: intFromEnv(5000, 100, 600_000),
  HLP_WRITE_TIMEOUT_MS: intFromEnv(120_000, 1000, 3_600_000),
  HLP_REQUEST_TIMEOUT_MS: intFromEnv(10_000, 100, 600_000),
  // 0: as long as the request may take (HLP_REQUEST_TIMEOUT_MS).
  HLP_NETWORK_WAIT_MS: intFromEnv(0, 0, 600_000),
  // Network analyses run at once, each in its own worker thread on a core of its own: a request for
  // yet another network is refused (NETWORK_BUSY) until one ends.
  HLP_NETWORK_ANALYSES: intFromEnv(2, 1, 64),
  HLP_STORE_STATS: z.enum(['on', 'off'], { error: 'expected on or off' }).default('off'),
  // Off: every query runs in graphql-js's interpreter (an escape hatch should graphql-jit misanswer).
  HLP_COMPILED_QUERIES: z.enum(['on', 'off'], { error: 'expected on or off' }).default('on'),
  // Four, not two: a request's sibling fields are statements of one tick, and with two connections
  // half of them waited (one programme with its funders, outcomes and parts, four statements, at
  // 100k relationships: p50 12.9 ms with two, 11.4 with four; other reads unchanged).
  HLP_KUZU_READ_POOL: intFromEnv(4, 2, 64),
  // Kuzu's shortest-path search allocates over 64 MB of buffer pool whatever the graph's size.
  HLP_KUZU_BUFFER_POOL_MB: intFromEnv(256, 128, 65_536),
  HLP_KUZU_MAX_DB_SIZE_MB: intFromEnv(4096, 64, 1_048_576),
  // A load's COPY statements need far more buffer pool than queries (half a million relationships
  // in one COPY ran out of 256 MB): the database a load builds gets this much while it loads.
  HLP_KUZU_LOAD_BUFFER_POOL_MB: intFromEnv(1024, 128, 65_536),
  HLP_LOAD_PROGRESS: z.enum(['auto', 'all', 'off'], { error: 'expected auto, all or off' }).default('auto'),
  HLP_LOAD_ON_START: z
    .enum(['auto', 'always', 'never'], { error: 'expected auto, always or never' })
    .default('auto'),
  // How long a service whose start-up load found another load running (LOAD_IN_PROGRESS, Neo4j)
  // waits before it tries again.
  HLP_LOAD_RETRY_MS: intFromEnv(5000, 100, 600_000),
  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'expected a bolt:// or neo4j:// URI')
    .default('bolt://localhost:7687'),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  HLP_NEO4J_CONNECT_TIMEOUT_MS: intFromEnv(5000, 100, 120_000),
  // A statement that has returned more rows than this goes to Neo4j alone, never in a batch (its
  // rows would wait in one list for the batch's one record): src/store/neo4j/statement-batch.ts.
  HLP_NEO4J_BATCH_MAX_ROWS: intFromEnv(2000, 0, 1_000_000),
  PORT: intFromEnv(4000, 0, 65_535),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HLP_MAX_PAGE_SIZE: intFromEnv(100, 1, 10_000),
  HLP_DEFAULT_PAGE_SIZE: intFromEnv(20, 1, 10_000),
  // Items one request may read, counted before it runs (src/limits/read-cost.ts): three levels of
  // first: 100 (about 1.01 million) pass, four levels (10^8) do not.
  HLP_MAX_READ_COST: intFromEnv(2_000_000, 1, 1_000_000_000_000),
  // production turns GraphiQL, introspection and field suggestions off unless enabled below.
  NODE_ENV: z.string().default('development'),
  HLP_GRAPHIQL: z.enum(['on', 'off', 'auto'], { error: 'expected on, off or auto' }).default('auto'),
  HLP_INTROSPECTION: z.enum(['on', 'off', 'auto'], { error: 'expected on, off or auto' }).default('auto'),
  // Origins allowed to call the API from a browser, comma-separated; none by default.
  HLP_CORS_ORIGINS: z
    .string()
    .regex(
      /^https?:\/\/[^,\s]+(,https?:\/\/[^,\s]+)*$/,
      'expected origins like https://a.example,https://b.example',
    )
    .optional(),
  // GraphQL requests answered at once; one more gets 429 and Retry-After.
  HLP_MAX_CONCURRENT_REQUESTS: intFromEnv(64, 1, 100_000),
  // The largest request body read; a larger one gets 413 and PAYLOAD_TOO_LARGE unread.
  HLP_MAX_BODY_BYTES: intFromEnv(MB, 1024, 1024 * MB),
  // How long SIGTERM waits for requests in flight before closing their connections.
  HLP_SHUTDOWN_TIMEOUT_MS: intFromEnv(10_000, 0, 600_000),
  // What one request may read from the store, in bytes of the values it reads (the response is
  // built from them): past it the reads stop and the request answers RESPONSE_TOO_LARGE.
  HLP_MAX_RESPONSE_BYTES: intFromEnv(32 * MB, 1024, 1024 * MB),
  // Requests per minute one client (its address) may make; 0 turns the limit off.
  HLP_RATE_LIMIT_PER_MINUTE: intFromEnv(0, 0, 1_000_000),
  // Take the client's address from X-Forwarded-For, its last entry (only behind one proxy that appends it).
  HLP_TRUST_PROXY: z.enum(['on', 'off'], { error: 'expected on or off' }).default('off'),
  // on: only the operations in schema/examples run, sent by their hash (no query text).
  HLP_PERSISTED_OPERATIONS: z.enum(['on', 'off'], { error: 'expected on or off' }).default('off'),
});

export interface KuzuConfig {
  readonly dataDir: string;
  readonly readPoolSize: number;
  readonly bufferPoolBytes: number;
  /** The buffer pool of the database a bulk load builds, while it loads. */
  readonly loadBufferPoolBytes: number;
  readonly maxDbSizeBytes: number;
  readonly queryTimeoutMs: number;
  readonly writeTimeoutMs: number;
}

export interface Neo4jConfig {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  readonly connectTimeoutMs: number;
  readonly queryTimeoutMs: number;
  readonly writeTimeoutMs: number;
  /** Rows above which a statement is never sent in a batch with others. */
  readonly batchMaxRows: number;
}

export interface Config {
  readonly store: 'kuzu' | 'neo4j';
  readonly kuzu: KuzuConfig;
  readonly neo4j: Neo4jConfig;
  readonly seedsDir: string;
  readonly sourcesDir: string;
  readonly loadOnStart: 'auto' | 'always' | 'never';
  /** Wait before a start-up load that another load held off is tried again. */
  readonly loadRetryMs: number;
  readonly http: { readonly port: number; readonly host: string };
  readonly logLevel: string;
  /**
   * Progress lines of long loads on stderr: `auto` for phases over a second (and every few seconds
   * of a long one), `all` for every phase, `off` for none.
   */
  readonly loadProgress: 'auto' | 'all' | 'off';
  readonly paging: { readonly defaultSize: number; readonly maxSize: number };
  /** The most items one request may read (see limits/read-cost.ts). */
  readonly maxReadCost: number;
  /** NODE_ENV=production. */
  readonly production: boolean;
  /** Serve GraphiQL (default: not in production). */
  readonly graphiql: boolean;
  /** Answer introspection and suggest field names (default: not in production). */
  readonly introspection: boolean;
  /** Origins a browser may call the API from (CORS); none by default. */
  readonly corsOrigins: readonly string[];
  readonly shutdownTimeoutMs: number;
  /** GraphQL requests answered at once (more get 429). */
  readonly maxConcurrentRequests: number;
  /** The largest request body read (larger: 413). */
  readonly maxBodyBytes: number;
  /** How long one request's reads may take in all (Neo4j: its read transaction's timeout). */
  readonly requestTimeoutMs: number;
  /** How long a network request waits for its analysis before NETWORK_PENDING (at most the request's time). */
  readonly networkWaitMs: number;
  /** Network analyses computed at once; a request for another one is refused with NETWORK_BUSY. */
  readonly networkAnalyses: number;
  /** Report each request's store statements, rows and transactions in response headers. */
  readonly storeStats: boolean;
  /** Run a query sent again as a compiled function where that answers alike (http/compiled-queries.ts). */
  readonly compiledQueries: boolean;
  /** The most bytes of store values one request may read (the response is built from them). */
  readonly maxResponseBytes: number;
  /** Requests per minute per client; 0: no limit. */
  readonly rateLimitPerMinute: number;
  /** Read the client's address from X-Forwarded-For. */
  readonly trustProxy: boolean;
  /** Run only the allow-listed operations (schema/examples). */
  readonly persistedOperations: boolean;
}

/** Whether a failed command prints its stack: LOG_LEVEL=debug or trace (read even when the rest of the config is invalid). */
export function wantsStacks(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return env['LOG_LEVEL'] === 'debug' || env['LOG_LEVEL'] === 'trace';
}

/** Thrown with every invalid variable at once, so a user fixes their environment in one go. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/**
 * Reads and validates the environment. Unset or empty variables take their defaults; throws
 * ConfigError naming every bad variable and its value.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  // An empty variable (FOO= in a compose file) means "not set", not "set to nothing".
  const present = Object.fromEntries(
    Object.keys(envSchema.shape)
      .map((key) => [key, env[key]] as const)
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = String(issue.path[0]);
        return `${key}=${JSON.stringify(present[key])}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  if (e.HLP_DEFAULT_PAGE_SIZE > e.HLP_MAX_PAGE_SIZE) {
    throw new ConfigError([
      `HLP_DEFAULT_PAGE_SIZE=${e.HLP_DEFAULT_PAGE_SIZE}: expected at most HLP_MAX_PAGE_SIZE (${e.HLP_MAX_PAGE_SIZE})`,
    ]);
  }
  return {
    store: e.HLP_STORE,
    kuzu: {
      dataDir: resolve(e.HLP_DATA_DIR),
      readPoolSize: e.HLP_KUZU_READ_POOL,
      bufferPoolBytes: e.HLP_KUZU_BUFFER_POOL_MB * MB,
      loadBufferPoolBytes: e.HLP_KUZU_LOAD_BUFFER_POOL_MB * MB,
      maxDbSizeBytes: e.HLP_KUZU_MAX_DB_SIZE_MB * MB,
      queryTimeoutMs: e.HLP_QUERY_TIMEOUT_MS,
      writeTimeoutMs: e.HLP_WRITE_TIMEOUT_MS,
    },
    neo4j: {
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      connectTimeoutMs: e.HLP_NEO4J_CONNECT_TIMEOUT_MS,
      queryTimeoutMs: e.HLP_QUERY_TIMEOUT_MS,
      writeTimeoutMs: e.HLP_WRITE_TIMEOUT_MS,
      batchMaxRows: e.HLP_NEO4J_BATCH_MAX_ROWS,
    },
    seedsDir: resolve(e.HLP_SEEDS_DIR),
    sourcesDir: resolve(e.HLP_SOURCES_DIR),
    loadOnStart: e.HLP_LOAD_ON_START,
    loadRetryMs: e.HLP_LOAD_RETRY_MS,
    http: { port: e.PORT, host: e.HOST },
    logLevel: e.LOG_LEVEL,
    loadProgress: e.HLP_LOAD_PROGRESS,
    paging: { defaultSize: e.HLP_DEFAULT_PAGE_SIZE, maxSize: e.HLP_MAX_PAGE_SIZE },
    maxReadCost: e.HLP_MAX_READ_COST,
    production: e.NODE_ENV === 'production',
    graphiql: e.HLP_GRAPHIQL === 'auto' ? e.NODE_ENV !== 'production' : e.HLP_GRAPHIQL === 'on',
    introspection:
      e.HLP_INTROSPECTION === 'auto' ? e.NODE_ENV !== 'production' : e.HLP_INTROSPECTION === 'on',
    corsOrigins: e.HLP_CORS_ORIGINS ? e.HLP_CORS_ORIGINS.split(',') : [],
    shutdownTimeoutMs: e.HLP_SHUTDOWN_TIMEOUT_MS,
    maxConcurrentRequests: e.HLP_MAX_CONCURRENT_REQUESTS,
    maxBodyBytes: e.HLP_MAX_BODY_BYTES,
    requestTimeoutMs: e.HLP_REQUEST_TIMEOUT_MS,
    networkWaitMs:
      e.HLP_NETWORK_WAIT_MS === 0
        ? e.HLP_REQUEST_TIMEOUT_MS
        : Math.min(e.HLP_NETWORK_WAIT_MS, e.HLP_REQUEST_TIMEOUT_MS),
    networkAnalyses: e.HLP_NETWORK_ANALYSES,
    storeStats: e.HLP_STORE_STATS === 'on',
    compiledQueries: e.HLP_COMPILED_QUERIES === 'on',
    maxResponseBytes: e.HLP_MAX_RESPONSE_BYTES,
    rateLimitPerMinute: e.HLP_RATE_LIMIT_PER_MINUTE,
    trustProxy: e.HLP_TRUST_PROXY === 'on',
    persistedOperations: e.HLP_PERSISTED_OPERATIONS === 'on',
  };
}
