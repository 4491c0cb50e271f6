/**
 * Processes the bench starts and watches: servers as children (so each has its own RSS and the load
 * generator never shares their event loop), their memory from /proc, the machine's load average.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { PROJECT_ROOT } from '../../src/config.js';

export interface Memory {
  /** Resident set now, in MiB. */
  readonly rssMiB: number;
  /** Peak resident set since the process started (VmHWM), in MiB. */
  readonly peakMiB: number;
}

/** VmRSS and VmHWM of a live process; null when it is gone or /proc is not there. */
export function memoryOf(pid: number): Memory | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) =>
      Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { rssMiB: kb('VmRSS') / 1024, peakMiB: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** The 1, 5 and 15 minute load averages. */
export function loadAverage(): [number, number, number] {
  const [a = 0, b = 0, c = 0] = loadavg();
  return [a, b, c];
}

/** A server the bench started: its pid, and a stop that waits for it to exit. */
export interface Child {
  readonly pid: number;
  readonly name: string;
  /** The last lines it wrote, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `command` in the repository root with `env` added to this process's environment. Keeps the
 * last 8 KB of its output: enough to say why it died, never the whole log of a long run in memory.
 */
export function startChild(
  name: string,
  command: string,
  args: readonly string[],
  env: Record<string, string>,
): Child {
  const child: ChildProcess = spawn(command, [...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (data: Buffer) => {
    tail = (tail + data.toString()).slice(-8192);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.pid === undefined) throw new Error(`bench: could not start ${name} (${command})`);
  return {
    pid: child.pid,
    name,
    output: () => tail,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Resolves once GET `url` answers 200; throws with the child's output after `timeoutMs`. */
export async function waitForHttp(url: string, child: Child, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (memoryOf(child.pid) === null) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(
    `bench: ${child.name} exited or did not answer ${url} within ${timeoutMs / 1000} s:\n${child.output()}`,
  );
}

/** Runs a command to completion (killed after `timeoutMs` when given); resolves with its exit code and output. */
export function run(
  command: string,
  args: readonly string[],
  env: Record<string, string> = {},
  timeoutMs = 0,
): Promise<{ code: number; output: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env } });
    let output = '';
    const keep = (data: Buffer) => {
      output = (output + data.toString()).slice(-65536);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', (data: Buffer) => {
      keep(data);
      // Long loads print progress; pass it through so a 1M load is not a silent wait.
      if (process.env['BENCH_VERBOSE'] === '1') process.stderr.write(data);
    });
    // A load that runs past its budget is a result too (the 1M target is minutes): stop it, say so.
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            output += `\nbench: stopped after ${timeoutMs / 1000} s`;
            child.kill('SIGKILL');
          }, timeoutMs)
        : undefined;
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, output, ms: performance.now() - started });
    });
  });
}
