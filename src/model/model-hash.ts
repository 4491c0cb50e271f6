import { createHash } from 'node:crypto';
import { EDGE_MODEL, NODE_MODEL } from './graph-model.js';

/**
 * A hash of the graph model. A store loaded under another model is treated as never loaded, so a
 * model change reloads the seeds (and, on Kuzu, rebuilds the tables).
 */
export const MODEL_HASH: string = createHash('sha256')
  .update(JSON.stringify({ nodes: NODE_MODEL, edges: EDGE_MODEL }))
  .digest('hex')
  .slice(0, 16);
