/**
 * The Neo4j 5.26 test server (tests/neo4j-server), started on a dataset's own data directory so a
 * loaded graph survives between runs. Started here rather than through startServer() so the bench
 * knows the JVM's pid (its RSS is reported) and can give it a heap sized for 1M relationships
 * (BENCH_NEO4J_HEAP, default 3g; the test helper fixes 1g). A load commits in batches under staged
 * labels and switches in one transaction of label changes (src/store/neo4j/neo4j-staged-load.ts):
 * 1M relationships loaded on a 2 GB heap. When a load was one transaction, the 100k graph's no longer
 * committed in 2 GB (STORE_BUSY at commit, seen on 4bd2207), nor the 1M graph's in 12 GB.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildServer, SERVER_DIR } from '../../tests/support/neo4j-server.js';
import { freePort } from '../../tests/support/ports.js';

export interface Neo4jServer {
  readonly uri: string;
  readonly pid: number;
  readonly startMs: number;
  stop(): Promise<void>;
}

export async function startNeo4j(dataDir: string): Promise<Neo4jServer> {
  const built = buildServer();
  if (built > 0) console.log(`built the Neo4j test server in ${(built / 1000).toFixed(1)} s`);
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const heap = process.env['BENCH_NEO4J_HEAP'] ?? '3g';
  const classpath = `${join(SERVER_DIR, 'target/neo4j-test-server-1.0.0.jar')}:${join(SERVER_DIR, 'target/lib')}/*`;
  const started = Date.now();
  const child = spawn(
    'java',
    [`-Xms256m`, `-Xmx${heap}`, '-cp', classpath, 'hlp.TestServer', String(port), dataDir],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Neo4j not ready after 180 s:\n${output}`)), 180_000);
    const onData = (data: Buffer) => {
      output = (output + data.toString()).slice(-8192);
      if (output.includes('NEO4J_READY')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Neo4j exited (${code}) before it was ready:\n${output}`));
    });
  });
  if (child.pid === undefined) throw new Error('bench: Neo4j has no pid');
  return {
    uri: `bolt://127.0.0.1:${port}`,
    pid: child.pid,
    startMs: Date.now() - started,
    async stop() {
      if (child.exitCode !== null) return;
      // Closing stdin is the server's clean shutdown (it flushes the store for the next run).
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
