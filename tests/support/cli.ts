import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './env.js';

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const BIN = join(ROOT, 'bin/hlp-graph.js');

/** Environment for a child: PATH and HOME from this process, then only what the test sets. */
function childEnv(env: Record<string, string>): Record<string, string> {
  const keep: Record<string, string> = {};
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'NODE_OPTIONS']) {
    const value = process.env[key];
    if (value !== undefined) keep[key] = value;
  }
  return { ...keep, ...env };
}

/** Runs `hlp-graph <args>` to completion. */
export function runCli(args: readonly string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: childEnv(env) });
    let stdout = '';
    let stderr = '';
    // Decoded as a stream: a character whose bytes a pipe splits across two chunks stays whole (a
    // chunk decoded on its own turned an en dash of the JSON export into three replacement marks).
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface RunningCli {
  readonly child: ChildProcess;
  readonly output: () => string;
  /** Resolves with the first stdout/stderr text matching `pattern`; rejects if the process exits first. */
  waitFor(pattern: RegExp): Promise<string>;
  stop(): Promise<number | null>;
}

/** Starts `hlp-graph <args>` and leaves it running. */
export function startCli(args: readonly string[], env: Record<string, string>): RunningCli {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: childEnv(env) });
  let output = '';
  const listeners: (() => void)[] = [];
  const onData = (d: string) => {
    output += d;
    for (const l of listeners) l();
  };
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    waitFor(pattern) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = pattern.exec(output);
          if (m) resolve(m[0]);
        };
        listeners.push(check);
        check();
        exited.then((code) => reject(new Error(`process exited (${code}) before ${pattern}: ${output}`)));
      });
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
