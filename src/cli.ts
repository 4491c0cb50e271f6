import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { toCsv, toGexf, toGraphml, toMarkdown } from './analysis/exports.js';
import { VersionedCache } from './cache/versioned-cache.js';
import { type Config, ConfigError, loadConfig, wantsStacks } from './config.js';
import { graphToJson } from './export/graph-json.js';
import { generateCommand } from './generate/generate-command.js';
import { createLogger, type Logger } from './logger.js';
import { NetworkCache } from './network/network-cache.js';
import { type NetworkRequest, NetworkRequestError, parseNetworkRequest } from './network/network-options.js';
import { PortInUseError } from './port-check.js';
import { checkSources, formatSourceProblem } from './seed/check-sources.js';
import { loadSeeds, SeedValidationError } from './seed/load-seeds.js';
import { validateSeedDir } from './seed/stream-seeds.js';
import { CypherTreeError, StoreError } from './store/errors.js';
import { type LoadProgress, progressFor } from './store/load-progress.js';
import { openStore } from './store/open-store.js';

const USAGE = `Usage: hlp-graph <command> [options]

Commands:
  serve      start the GraphQL service (GraphiQL at /graphql); loads the seeds when the store
             is empty or they changed
  validate   check every seed file and report every problem; writes nothing
  load       validate the seeds, then replace the stored graph with them, all or nothing
  check-sources
             check every evidence locator in the seeds against the reports (HLP_SOURCES_DIR)
  export --format json [--out FILE]
             write the whole graph, read from the store, as JSON to stdout or FILE
  analyse [--projection organisations|two-mode] [--weight funding|count] [--period P]
          [--kinds FUNDS,LEADS,DELIVERS,PARTNERS_WITH] [--seed N] [--format md|gexf|graphml|csv] [--out PATH]
             analyse the partnership network: a readable report (md, the default) or a file for
             Gephi; csv writes nodes.csv and edges.csv into the directory PATH (default .)
  generate --relationships N [--seed S] --out DIR
             write a synthetic graph of about N relationships as seed files into DIR (new or
             empty), for load tests; the same N and S give the same files (S defaults to 1)

The store and everything else are set by environment variables (see README): HLP_STORE=kuzu|neo4j,
HLP_DATA_DIR, NEO4J_URI, PORT, ...`;

/** Runs one CLI command; resolves to the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: false,
    options: {
      help: { type: 'boolean', short: 'h' },
      format: { type: 'string' },
      out: { type: 'string' },
      projection: { type: 'string' },
      weight: { type: 'string' },
      period: { type: 'string' },
      kinds: { type: 'string' },
      seed: { type: 'string' },
      relationships: { type: 'string' },
    },
  });
  const [command] = positionals;
  if (values['help'] || !command) {
    console.log(USAGE);
    return command || values['help'] ? 0 : 2;
  }
  const config = loadConfig();
  const log = createLogger(config.logLevel);

  switch (command) {
    case 'validate': {
      const seeds = await validateSeedDir(config.seedsDir, terminalProgress(config, 'validate'));
      console.log(
        `seeds are valid: ${seeds.nodeCount} nodes and ${seeds.edgeCount} relationships in ${seeds.files.length} files`,
      );
      return 0;
    }
    case 'load': {
      const store = await openStore(config, log);
      try {
        const progress = terminalProgress(config, 'load');
        const result = await loadSeeds(store, config.seedsDir, log, { progress });
        console.log(`loaded ${result.nodes} nodes and ${result.edges} relationships into ${store.engine}`);
        return 0;
      } finally {
        await store.close();
      }
    }
    case 'export': {
      const format = values['format'] ?? 'json';
      if (format !== 'json') {
        console.error(`hlp-graph: export --format must be json, got "${String(format)}"`);
        return 2;
      }
      const store = await openStore(config, log);
      try {
        // An empty export that reports success hides a mistyped HLP_DATA_DIR or a store never loaded.
        if ((await store.graphVersion()) === null) {
          console.error(
            `hlp-graph: STORE_EMPTY: the ${store.engine} store (${config.store === 'kuzu' ? config.kuzu.dataDir : config.neo4j.uri}) holds no graph: check HLP_DATA_DIR, or run hlp-graph load first`,
          );
          return 1;
        }
        const text = graphToJson(await store.readGraph());
        const out = values['out'];
        if (typeof out === 'string') {
          writeFileSync(out, text);
          console.error(`wrote the graph to ${out}`);
        } else process.stdout.write(text);
        return 0;
      } finally {
        await store.close();
      }
    }
    case 'analyse':
    case 'analyze':
      return analyse(values, config, log);
    case 'generate':
      return generateCommand(positionals, values);
    case 'check-sources': {
      const { checked, problems } = checkSources(config.seedsDir, config.sourcesDir);
      for (const p of problems) console.error(formatSourceProblem(p));
      const passed = checked - problems.length;
      const share = checked === 0 ? 0 : Math.floor((passed / checked) * 1000) / 10;
      console.log(`${passed} of ${checked} evidence locators hold against ${config.sourcesDir} (${share} %)`);
      return problems.length === 0 && checked > 0 ? 0 : 1;
    }
    case 'serve': {
      // Imported here so that validate, load and export do not build the GraphQL schema.
      const { startServer } = await import('./server.js');
      // Signals are heard from the start: one that arrives while the server starts stops it as
      // soon as it is up, instead of killing the process half-way.
      let heard: string | null = null;
      let onSignal = (signal: string) => {
        heard = signal;
      };
      const handler = (signal: string) => onSignal(signal);
      process.once('SIGINT', handler);
      process.once('SIGTERM', handler);
      const running = await startServer(config, log);
      await new Promise<void>((resolve) => {
        onSignal = (signal) => {
          log.info({ signal }, 'shutting down');
          running.stop().then(resolve, resolve);
        };
        if (heard) onSignal(heard);
        else console.log(`HLP Graph is up on ${running.store.engine}: GraphiQL at ${running.url}`);
      });
      return 0;
    }
    default:
      console.error(`hlp-graph: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

const ANALYSIS_FORMATS = ['md', 'gexf', 'graphml', 'csv'] as const;

/** `hlp-graph analyse`: reads the graph from the store, analyses it, writes the report or files. */
async function analyse(
  values: Record<string, string | boolean | undefined>,
  config: Config,
  log: Logger,
): Promise<number> {
  const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  const format = text('format') ?? 'md';
  if (!(ANALYSIS_FORMATS as readonly string[]).includes(format)) {
    console.error(
      `hlp-graph: analyse --format must be one of ${ANALYSIS_FORMATS.join(', ')}, got "${format}"`,
    );
    return 2;
  }
  let request: NetworkRequest;
  try {
    request = parseNetworkRequest({
      projection: text('projection'),
      weight: text('weight'),
      period: text('period'),
      kinds: text('kinds'),
      seed: text('seed'),
    });
  } catch (error) {
    if (!(error instanceof NetworkRequestError)) throw error;
    console.error(`hlp-graph: analyse: ${error.message}`);
    return 2;
  }
  const started = performance.now();
  const progress = (step: string) =>
    process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${step}\n`);
  if (format === 'csv' && !text('out')) {
    // Two files, so a folder: none is chosen for the user (it used to be the working directory).
    console.error('hlp-graph: analyse --format csv writes nodes.csv and edges.csv: give --out DIR');
    return 2;
  }
  progress(`reading the graph from ${config.store}`);
  const store = await openStore(config, log);
  try {
    const { result } = await new NetworkCache(store, new VersionedCache(store)).get(request, progress);
    progress(`writing ${format}`);
    const out = text('out');
    if (format === 'csv') {
      const dir = out ?? '';
      mkdirSync(dir, { recursive: true });
      const { nodes, edges } = toCsv(result);
      writeFileSync(join(dir, 'nodes.csv'), nodes);
      writeFileSync(join(dir, 'edges.csv'), edges);
      progress(`wrote ${join(dir, 'nodes.csv')} and ${join(dir, 'edges.csv')}`);
    } else {
      const body =
        format === 'gexf' ? toGexf(result) : format === 'graphml' ? toGraphml(result) : toMarkdown(result);
      if (out) {
        writeFileSync(out, body);
        progress(`wrote ${out}`);
      } else process.stdout.write(body);
    }
    progress(
      `done: ${result.summary.nodes} nodes, ${result.summary.edges} edges, ${result.summary.communities} communities`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

/** Progress of a long load or validation as plain lines on stderr (stdout stays for results). */
function terminalProgress(config: Config, command: string): LoadProgress {
  return progressFor(config.loadProgress, (line) =>
    process.stderr.write(`hlp-graph ${command}: ${line.text}\n`),
  );
}

/** Prints an error the way a user can act on it: code and message, no stack for expected failures. */
/** An error from Node itself (a file, a socket): it has a code like ENOTDIR and says what failed. */
function isSystemError(error: unknown): error is Error & { code: string } {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

/**
 * Prints why a command failed, in one line that says what is wrong; the stack only when `debug`
 * (LOG_LEVEL=debug, read by bin/hlp-graph.js), for a failure nobody foresaw.
 */
export function report(error: unknown, debug = wantsStacks()): void {
  if (
    error instanceof SeedValidationError ||
    error instanceof ConfigError ||
    error instanceof CypherTreeError ||
    error instanceof StoreError
  ) {
    console.error(`hlp-graph: ${error.code}: ${error.message}`);
  } else if (error instanceof PortInUseError) {
    console.error(`hlp-graph: ${error.code}: ${error.message}`);
  } else if (isSystemError(error)) {
    console.error(`hlp-graph: ${error.code}: ${error.message}`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`hlp-graph: unexpected error: ${message}${debug ? '' : ' (LOG_LEVEL=debug shows where)'}`);
  }
  if (debug && error instanceof Error && error.stack) console.error(error.stack);
}
