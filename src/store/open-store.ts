import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { MODEL_HASH } from '../model/model-hash.js';
import { createCypherStore } from './cypher-store.js';
import { KuzuExecutor } from './kuzu/kuzu-executor.js';
import { Neo4jExecutor } from './neo4j/neo4j-executor.js';
import type { GraphStore } from './port.js';
import { loadQueries } from './queries.js';

/**
 * Opens the configured store: the embedded Kuzu store in the data directory (the default) or Neo4j.
 * Reads and checks the cypher/ tree first, so a broken tree stops start-up before any connection.
 */
export async function openStore(config: Config, log: Logger): Promise<GraphStore> {
  const queries = loadQueries(config.store);
  const executor =
    config.store === 'kuzu'
      ? await KuzuExecutor.open(config.kuzu, queries, MODEL_HASH, log)
      : await Neo4jExecutor.open(config.neo4j, queries);
  return createCypherStore(executor, MODEL_HASH);
}
