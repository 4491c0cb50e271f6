/**
 * The raw Cypher system: `tsx scripts/bench/raw-server.ts --engine neo4j --uri URI --port P` or
 * `--engine kuzu --dir DIR --port P`. Each request runs one operation's statement (one statement, one
 * read transaction) on the same database as the service, with the engine's own driver:
 * neo4j-driver with lossless integers off, or Kuzu in-process on its own copy of the store, opened
 * read-only, with as many connections as the service has (a connection runs one query at a time).
 */
import { parseArgs } from 'node:util';
import kuzu from 'kuzu';
import neo4j from 'neo4j-driver';
import { OPERATIONS } from './operations/index.js';
import type { Engine } from './options.js';
import { PICKS } from './picks.js';
import { type Counts, serveQueries } from './transport.js';

const { values } = parseArgs({
  options: {
    engine: { type: 'string' },
    uri: { type: 'string' },
    dir: { type: 'string' },
    port: { type: 'string' },
  },
});
const engine = values.engine as Engine;
const statements = new Map<string, string>([
  ...OPERATIONS.map((op) => [op.id, op.raw.cypher[engine]] as const),
  ...Object.entries(PICKS).map(([name, texts]) => [name, texts[engine]] as const),
]);

function statement(op: string): string {
  const text = statements.get(op);
  if (!text) throw new Error(`no statement named ${op}`);
  return text;
}

type Run = (op: string, params: Record<string, unknown>, counts: Counts) => Promise<unknown[]>;

function neo4jRunner(uri: string): { run: Run; ping: () => Promise<void> } {
  const driver = neo4j.driver(uri, undefined, { disableLosslessIntegers: true, userAgent: 'hlp-bench-raw' });
  return {
    async run(op, params, counts) {
      const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
      try {
        return await session.executeRead(async (tx) => {
          counts.transactions++;
          counts.statements++;
          const result = await tx.run(statement(op), params);
          return result.records.map((r) => r.toObject());
        });
      } finally {
        await session.close();
      }
    },
    ping: () => driver.verifyConnectivity({ database: 'neo4j' }).then(() => undefined),
  };
}

type Connection = InstanceType<typeof kuzu.Connection>;
type Prepared = InstanceType<typeof kuzu.PreparedStatement>;

function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

function kuzuRunner(dir: string): { run: Run; ping: () => Promise<void> } {
  // Read-only, on the raw copy of the store; the buffer pool matches the service's default.
  const db = new kuzu.Database(dir, 256 * 2 ** 20, true, true, 64 * 2 ** 30);
  const idle: { connection: Connection; prepared: Map<string, Prepared> }[] = [0, 1].map(() => ({
    connection: new kuzu.Connection(db),
    prepared: new Map(),
  }));
  const waiting: ((c: (typeof idle)[number]) => void)[] = [];
  const acquire = () =>
    new Promise<(typeof idle)[number]>((resolve) => {
      const free = idle.pop();
      if (free) resolve(free);
      else waiting.push(resolve);
    });
  const release = (c: (typeof idle)[number]) => {
    const next = waiting.shift();
    if (next) next(c);
    else idle.push(c);
  };
  return {
    async run(op, params, counts) {
      const c = await acquire();
      try {
        let prepared = c.prepared.get(op);
        if (!prepared) {
          prepared = await c.connection.prepare(statement(op));
          if (!prepared.isSuccess()) throw new Error(prepared.getErrorMessage());
          c.prepared.set(op, prepared);
        }
        counts.transactions++;
        counts.statements++;
        // Executed off the event loop; read with getAllSync, which decodes the whole result in one
        // call (getAll awaits a thread-pool round trip per row).
        const result = await c.connection.execute(prepared, params as Record<string, kuzu.KuzuValue>);
        const results = Array.isArray(result) ? result : [result];
        try {
          return results.flatMap((r) =>
            r
              .getAllSync()
              .map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)]))),
          );
        } finally {
          for (const r of results) r.close();
        }
      } finally {
        release(c);
      }
    },
    ping: async () => undefined,
  };
}

const runner = engine === 'neo4j' ? neo4jRunner(String(values.uri)) : kuzuRunner(String(values.dir));
await serveQueries(Number(values.port), runner.run, runner.ping);
console.log(`raw ${engine} server on ${values.port}`);
