import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UndirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import type { NetworkResult } from '../analysis/analyse.js';
import type {
  NetworkEdgeAttributes,
  NetworkNodeAttributes,
  ProjectionOptions,
} from '../analysis/projection.js';
import type { GraphView } from '../model/records.js';

/** What a worker analyses: the graph as read from the store, the projection, the Louvain seed. */
export interface AnalysisJob {
  readonly data: GraphView;
  readonly options: ProjectionOptions;
  readonly seed: number;
}

const require = createRequire(import.meta.url);

/**
 * tsx's ESM API, found through its package.json: `require.resolve` would give its CommonJS build,
 * which from a worker's evaluated code registers hooks at a path that does not exist.
 */
const TSX_API = (() => {
  const manifest = require.resolve('tsx/package.json');
  const exports = (JSON.parse(readFileSync(manifest, 'utf8')) as TsxManifest).exports['./esm/api'].import
    .default;
  return pathToFileURL(join(dirname(manifest), exports)).href;
})();

interface TsxManifest {
  readonly exports: { readonly './esm/api': { readonly import: { readonly default: string } } };
}

// The sources are TypeScript run through tsx (no build step): the worker registers tsx itself and
// then imports its entry, so it runs alike under `hlp-graph serve` and under the tests.
const BOOT = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx)
  .then(({ register }) => { register(); return import(workerData.entry); })
  .catch((error) => { setImmediate(() => { throw error; }); });
`;

/**
 * Runs analyseNetwork (src/analysis/analyse.ts) in a worker thread: same input, same result, with
 * the graph rebuilt from its serialised form. The service's requests go on being answered while it
 * runs (it used to hold the event loop for about 144 s on a graph of 100k relationships).
 */
export function analyseOffThread(
  data: GraphView,
  options: ProjectionOptions,
  seed: number,
): Promise<NetworkResult> {
  const job = {
    data,
    options,
    seed,
    tsx: TSX_API,
    entry: new URL('./analysis-worker.ts', import.meta.url).href,
  };
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT, { eval: true, workerData: job });
    let done = false;
    worker.once('message', (message: Omit<NetworkResult, 'graph'> & { graph: SerializedGraph }) => {
      done = true;
      const graph = new UndirectedGraph<NetworkNodeAttributes, NetworkEdgeAttributes>();
      graph.import(message.graph as SerializedGraph<NetworkNodeAttributes, NetworkEdgeAttributes>);
      resolve({ ...message, graph });
    });
    worker.once('error', (error) => {
      done = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!done)
        reject(new Error(`the network analysis worker stopped (exit code ${code}) without a result`));
    });
  });
}
