import { parentPort, workerData } from 'node:worker_threads';
import { analyseNetwork } from '../analysis/analyse.js';
import type { AnalysisJob } from './analyse-off-thread.js';

/**
 * The network analysis as a worker thread (see analyse-off-thread.ts): its measures run for minutes
 * on a big graph, and here they leave the service's event loop free. The analysed graph goes back
 * in graphology's serialised form; the rest of the result is plain data.
 */
const job = workerData as AnalysisJob;
const result = analyseNetwork(job.data, job.options, job.seed);
parentPort?.postMessage({ ...result, graph: result.graph.export() });
