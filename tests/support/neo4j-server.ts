import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './env.js';
import { freePort } from './ports.js';

/**
 * The Neo4j 5.26 community test server (tests/neo4j-server): built with Maven from Maven Central,
 * run with plain `java`. Used by the global setup (one server for the whole run) and by the fault
 * tests (a server of their own that they stop and restart).
 */
export const SERVER_DIR = join(ROOT, 'tests/neo4j-server');
const JAR = join(SERVER_DIR, 'target/neo4j-test-server-1.0.0.jar');
const LIB = join(SERVER_DIR, 'target/lib');

function newest(dir: string): number {
  return Math.max(
    ...readdirSync(dir).map((entry) => {
      const full = join(dir, entry);
      return statSync(full).isDirectory() ? newest(full) : statSync(full).mtimeMs;
    }),
  );
}

/** Why the server cannot run here (no Java, no Maven), or null when it can. */
export function missingTools(): string | null {
  for (const [tool, args] of [
    ['java', ['-version']],
    ['mvn', ['-v']],
  ] as const) {
    const probe = spawnSync(tool, args, { stdio: 'ignore' });
    if (probe.error || probe.status !== 0) return `${tool} is not available`;
  }
  return null;
}

/**
 * Builds the launcher unless target/ already holds a build newer than its sources. Returns the
 * milliseconds the build took (0 when cached). Throws with Maven's output when the build fails.
 */
export function buildServer(): number {
  const sourcesChanged =
    !existsSync(JAR) ||
    !existsSync(LIB) ||
    newest(join(SERVER_DIR, 'src')) > statSync(JAR).mtimeMs ||
    statSync(join(SERVER_DIR, 'pom.xml')).mtimeMs > statSync(JAR).mtimeMs;
  if (!sourcesChanged) return 0;
  const started = Date.now();
  const build = spawnSync('mvn', ['-B', '-q', '-f', join(SERVER_DIR, 'pom.xml'), 'package'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (build.status !== 0) {
    throw new Error(`building the Neo4j test server failed:\n${build.stdout}\n${build.stderr}`);
  }
  return Date.now() - started;
}

export interface TestServer {
  readonly uri: string;
  readonly port: number;
  /** Milliseconds from spawn to the ready line. */
  readonly startMs: number;
  /** Closes the server's stdin (a clean shutdown) and waits for it to exit; kills it after 30 s. */
  stop(): Promise<void>;
  /** Kills the JVM at once, as a crash would. */
  kill(): Promise<void>;
}

/**
 * Starts a server on `port` (a free one if not given), in `dataDir` when given (kept on stop), with
 * a Java heap of `heap` (default 1g). A load keeps its whole transaction in the heap: the test
 * suite's graphs fit in 1g, a million relationships do not (see the README, Loading at scale).
 */
export async function startServer(
  options: { port?: number; dataDir?: string; heap?: string } = {},
): Promise<TestServer> {
  const port = options.port ?? (await freePort());
  const heap = options.heap ?? '1g';
  const args = ['-Xms256m', `-Xmx${heap}`, '-cp', `${JAR}:${LIB}/*`, 'hlp.TestServer', String(port)];
  if (options.dataDir) args.push(options.dataDir);
  const started = Date.now();
  const child: ChildProcess = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Neo4j test server not ready after 120 s:\n${output}`)),
      120_000,
    );
    const onData = (data: Buffer) => {
      output += data.toString();
      if (output.includes('NEO4J_READY')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Neo4j test server exited (${code}) before it was ready:\n${output}`));
    });
  });
  const startMs = Date.now() - started;
  return {
    uri: `bolt://127.0.0.1:${port}`,
    port,
    startMs,
    async stop() {
      if (child.exitCode !== null) return;
      child.stdin?.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      if (child.exitCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
