import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningCli, startCli } from '../support/cli.js';
import { REAL_SEEDS, testEnv } from '../support/env.js';
import { freePort } from '../support/ports.js';

/**
 * The server as users run it (a child process on the HLP graph): the 362-byte request that once grew
 * the process to 4.7 GB and killed it (five levels of pages of `$n` = 100) is refused at once and
 * costs the process almost no memory; a request arriving as SIGTERM comes is still answered.
 */

const FIVE_DEEP =
  'query($n: Int) { organisations(first: $n) { edges { node { name relationships(first: $n) { edges { node { name relationships(first: $n) { edges { node { name relationships(first: $n) { edges { node { name relationships(first: $n) { edges { node { name } } } } } } } } } } } } } } } }';

/** The child's resident memory in bytes, from /proc (Linux). */
function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS for ${pid}`);
  return Number(kb) * 1024;
}

const post = (port: number, query: string, variables: Record<string, unknown> = {}) =>
  fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });

describe.skipIf(!existsSync('/proc/self/status'))('the served HLP graph under a heavy request', () => {
  let server: RunningCli;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    server = startCli(['serve'], testEnv('kuzu', { PORT: String(port), HLP_SEEDS_DIR: REAL_SEEDS }));
    await server.waitFor(/GraphiQL at/);
  }, 120_000);
  afterAll(async () => {
    if (server) await server.stop();
  });

  it('refuses the five-deep variables request in under a second, growing by under 100 MB, and keeps serving', async () => {
    const pid = server.child.pid ?? 0;
    // Warm up: the first request of a process loads code and fills caches that are not this request's cost.
    expect((await post(port, '{ organisations(first: 5) { totalCount } }')).status).toBe(200);
    expect(FIVE_DEEP.length).toBeLessThan(400);
    const before = rssOf(pid);
    const started = performance.now();
    const refused = await post(port, FIVE_DEEP, { n: 100 });
    const took = performance.now() - started;
    const body = (await refused.json()) as { errors: { extensions: { code: string } }[] };
    expect(refused.status).toBe(400);
    expect(body.errors[0]?.extensions.code).toBe('READ_COST_EXCEEDED');
    expect(took).toBeLessThan(1000);
    expect(rssOf(pid) - before).toBeLessThan(100 * 1024 * 1024);
    const after = await post(port, '{ organisations(first: 5) { totalCount } }');
    expect(after.status).toBe(200);
  });

  it('answers a request that is still arriving when SIGTERM comes, then exits 0', async () => {
    const body = JSON.stringify({ query: '{ organisations(first: 3) { totalCount } }' });
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    let answer = '';
    socket.on('data', (d: Buffer) => {
      answer += d.toString();
    });
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
    );
    const exited = server.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    socket.write(body.slice(10));
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer).toContain('"totalCount":');
    expect(await exited).toBe(0);
  });
});
