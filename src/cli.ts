import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.js';
import { graphToJson } from './export/graph-json.js';
import { createLogger } from './logger.js';
import { checkSources, formatSourceProblem } from './seed/check-sources.js';
import { checkSeeds, loadSeeds, SeedValidationError } from './seed/load-seeds.js';
import { CypherTreeError, StoreError } from './store/errors.js';
import { openStore } from './store/open-store.js';

const USAGE = `Usage: hlp-graph <command> [options]

Commands:
  serve      start the GraphQL service (GraphiQL at /graphql); loads the seeds when the store
             is empty or they changed
  validate   check every seed file and report every problem; writes nothing
  load       validate the seeds, then replace the stored graph with them in one transaction
  check-sources
             check every evidence locator in the seeds against the reports (HLP_SOURCES_DIR)
  export --format json [--out FILE]
             write the whole graph, read from the store, as JSON to stdout or FILE

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
      const seeds = checkSeeds(config.seedsDir);
      console.log(
        `seeds are valid: ${seeds.graph.nodes.length} nodes and ${seeds.graph.edges.length} relationships in ${seeds.files.length} files`,
      );
      return 0;
    }
    case 'load': {
      const store = await openStore(config, log);
      try {
        const result = await loadSeeds(store, config.seedsDir, log);
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
      const running = await startServer(config, log);
      console.log(`HLP Graph is up on ${running.store.engine}: GraphiQL at ${running.url}`);
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          log.info({ signal }, 'shutting down');
          running.stop().then(resolve, resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      return 0;
    }
    default:
      console.error(`hlp-graph: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

/** Prints an error the way a user can act on it: code and message, no stack for expected failures. */
export function report(error: unknown): void {
  if (
    error instanceof SeedValidationError ||
    error instanceof ConfigError ||
    error instanceof CypherTreeError
  ) {
    console.error(`hlp-graph: ${error.code}: ${error.message}`);
  } else if (error instanceof StoreError) {
    console.error(`hlp-graph: ${error.code}: ${error.message}`);
  } else {
    console.error('hlp-graph: unexpected error:', error);
  }
}
