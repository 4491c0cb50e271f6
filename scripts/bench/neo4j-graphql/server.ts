/**
 * The @neo4j/graphql system: `tsx scripts/bench/neo4j-graphql/server.ts --uri URI --port P`. Its
 * schema on the same Neo4j database as the service, served by graphql-yoga like ours. The driver it
 * gets is wrapped per request to count transactions and statements, reported in the same headers the
 * service uses.
 */
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import neo4j, { type Driver, type ManagedTransaction, type Session, type SessionConfig } from 'neo4j-driver';
import type { Counts } from '../transport.js';
import { typeDefs } from './type-defs.js';

const { values } = parseArgs({ options: { uri: { type: 'string' }, port: { type: 'string' } } });
const driver = neo4j.driver(String(values.uri), undefined, { userAgent: 'hlp-bench-neo4j-graphql' });

/**
 * What @neo4j/graphql's Executor needs of a driver (session, executeQueryBookmarkManager), counting
 * every transaction it opens (each attempt of a retried one) and every statement it runs.
 */
function countingDriver(counts: Counts): Pick<Driver, 'session' | 'executeQueryBookmarkManager'> {
  const countingTx = (tx: ManagedTransaction): ManagedTransaction =>
    new Proxy(tx, {
      get(target, key, receiver) {
        if (key === 'run') {
          return (...args: Parameters<ManagedTransaction['run']>) => {
            counts.statements++;
            return target.run(...args);
          };
        }
        return Reflect.get(target, key, receiver);
      },
    });
  return {
    executeQueryBookmarkManager: driver.executeQueryBookmarkManager,
    session(config?: SessionConfig): Session {
      const session = driver.session(config);
      return new Proxy(session, {
        get(target, key, receiver) {
          if (key === 'executeRead' || key === 'executeWrite') {
            return <T>(work: (tx: ManagedTransaction) => Promise<T> | T, txConfig?: object) =>
              target[key]((tx) => {
                counts.transactions++;
                return work(countingTx(tx));
              }, txConfig);
          }
          return Reflect.get(target, key, receiver);
        },
      });
    },
  };
}

const schema = await new Neo4jGraphQL({ typeDefs: typeDefs(), driver }).getSchema();
const counted = new WeakMap<Request, Counts>();

/** Puts the request's counts in the response headers, as the service does with HLP_STORE_STATS=on. */
const countHeaders: Plugin = {
  onResponse({ request, response }) {
    const counts = counted.get(request);
    if (!counts) return;
    response.headers.set('x-store-statements', String(counts.statements));
    response.headers.set('x-store-transactions', String(counts.transactions));
  },
};

const yoga = createYoga({
  schema,
  graphiql: false,
  logging: 'warn',
  plugins: [countHeaders],
  context: ({ request }) => {
    const counts: Counts = { statements: 0, transactions: 0 };
    counted.set(request, counts);
    return { executionContext: countingDriver(counts) };
  },
});

const server = createServer(yoga);
server.keepAliveTimeout = 60_000;
server.listen(Number(values.port), '127.0.0.1', () => console.log(`@neo4j/graphql on ${values.port}`));
