import { writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from '../support/cli.js';
import { ROOT, tempDir, testEnv } from '../support/env.js';
import { freePort } from '../support/ports.js';

/** A port nothing listens on: one that was free a moment ago. */
const closedPort = freePort;

describe('hlp-graph serve', () => {
  it('loads the seeds into an empty embedded store and answers GraphQL over HTTP', async () => {
    const port = await closedPort();
    const server = startCli(['serve'], testEnv('kuzu', { PORT: String(port) }));
    try {
      await server.waitFor(/GraphiQL at http:\/\/localhost:\d+\/graphql/);
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: '{ organisations(first: 5) { totalCount edges { node { id name } } } }',
        }),
      });
      const body = (await response.json()) as { data: { organisations: { totalCount: number } } };
      expect(body.data.organisations.totalCount).toBe(5);
      const page = await fetch(`http://127.0.0.1:${port}/graphql`, { headers: { accept: 'text/html' } });
      expect(await page.text()).toContain('GraphiQL');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('on SIGTERM waits for a request in flight at most HLP_SHUTDOWN_TIMEOUT_MS, then closes it and exits 0', async () => {
    const port = await closedPort();
    const server = startCli(
      ['serve'],
      testEnv('kuzu', { PORT: String(port), LOG_LEVEL: 'info', HLP_SHUTDOWN_TIMEOUT_MS: '1500' }),
    );
    await server.waitFor(/GraphiQL at/);
    // A request whose body never finishes arriving: in flight until the server gives up on it.
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.on('error', () => undefined);
    socket.write(
      'POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":',
    );
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    const started = Date.now();
    const code = await server.stop();
    await closed;
    expect(code, `${server.child.signalCode}: ${server.output().slice(-3000)}`).toBe(0);
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(1400);
    expect(server.output()).toContain('closing the connections of requests still running');
  });

  it('refuses a request body over HLP_MAX_BODY_BYTES with 413 and PAYLOAD_TOO_LARGE, declared or sent in chunks, and goes on answering', async () => {
    const port = await closedPort();
    const server = startCli(['serve'], testEnv('kuzu', { PORT: String(port), HLP_MAX_BODY_BYTES: '2048' }));
    const url = `http://127.0.0.1:${port}/graphql`;
    const query = (padding: number) =>
      JSON.stringify({ query: `{ organisations(first: 1) { totalCount } }${' '.repeat(padding)}` });
    /** A POST whose body goes in chunks with no Content-Length: status, headers and body. */
    const chunked = (chunks: readonly string[]) =>
      new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
        const req = httpRequest(
          url,
          { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
          (res) => {
            let body = '';
            res.on('data', (c: Buffer) => {
              body += c.toString('utf8');
            });
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }),
            );
          },
        );
        // The server may close the connection before the last chunk: its answer is what counts.
        req.on('error', reject);
        for (const chunk of chunks) req.write(chunk);
        req.end();
      });
    try {
      await server.waitFor(/GraphiQL at/);
      const post = (body: string) =>
        fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      // At the limit: answered.
      const fits = query(0);
      const atLimit = await post(query(2048 - Buffer.byteLength(fits)));
      expect(atLimit.status).toBe(200);
      expect(((await atLimit.json()) as { data: unknown }).data).toEqual({
        organisations: { totalCount: 5 },
      });
      // One byte over, declared in Content-Length: refused unread, with the security headers.
      const over = await post(query(2049 - Buffer.byteLength(fits)));
      expect(over.status).toBe(413);
      expect(over.headers.get('x-content-type-options')).toBe('nosniff');
      const refusal = (await over.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(refusal.errors[0]?.extensions.code).toBe('PAYLOAD_TOO_LARGE');
      expect(refusal.errors[0]?.message).toContain('larger than 2048 bytes (HLP_MAX_BODY_BYTES)');
      // In chunks with no Content-Length: counted as they come.
      const big = await chunked([query(0), ' '.repeat(1500), ' '.repeat(1500)]);
      expect(big.status).toBe(413);
      expect(JSON.parse(big.body).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
      const small = await chunked([query(0).slice(0, 10), query(0).slice(10)]);
      expect(small.status).toBe(200);
      expect(JSON.parse(small.body).data).toEqual({ organisations: { totalCount: 5 } });
      // An empty body is yoga's to refuse, at once.
      const empty = await post('');
      expect(empty.status).toBe(400);
      // Still answering.
      expect((await post(fits)).status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('says in one line, before loading anything, that its port is in use; and that HLP_DATA_DIR is a file', async () => {
    const holder = createServer();
    const port = await new Promise<number>((resolve) =>
      holder.listen(0, '127.0.0.1', () => resolve((holder.address() as { port: number }).port)),
    );
    try {
      const started = Date.now();
      const busy = await runCli(['serve'], testEnv('kuzu', { PORT: String(port), LOG_LEVEL: 'info' }));
      expect(busy.code).toBe(1);
      expect(busy.stderr).toContain(
        `hlp-graph: PORT_IN_USE: port ${port} on 127.0.0.1 is in use: stop what listens there, or set PORT to another port`,
      );
      expect(busy.stderr).not.toMatch(/\n\s+at /);
      expect(busy.stderr).not.toContain('seeds loaded');
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      holder.close();
    }
    const file = join(tempDir('not-a-dir'), 'file');
    writeFileSync(file, 'x');
    const bad = await runCli(['load'], testEnv('kuzu', { HLP_DATA_DIR: file }));
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^hlp-graph: E[A-Z]+: .*not-a-dir/);
  });

  it('reports the phases of its load at start in the log', async () => {
    const env = testEnv('kuzu', {
      PORT: String(await closedPort()),
      LOG_LEVEL: 'info',
      HLP_LOAD_PROGRESS: 'all',
    });
    const server = startCli(['serve'], env);
    try {
      await server.waitFor(/GraphiQL at/);
      const progress = server
        .output()
        .split('\n')
        .filter((line) => line.includes('"msg":"load: '))
        .map((line) => JSON.parse(line) as { phase: string; finished: boolean });
      expect(progress.map((p) => p.phase)).toEqual([
        'reading and validating seeds',
        'staging nodes as CSV',
        'staging relationships as CSV',
        'copying nodes into Kuzu',
        'copying relationships into Kuzu',
        'deriving',
        'switching to the new graph',
      ]);
      expect(progress.every((p) => p.finished)).toBe(true);
    } finally {
      await server.stop();
    }
  });

  it('keeps serving the graph it holds when the seeds stop validating, and says why', async () => {
    const env = testEnv('kuzu', { PORT: String(await closedPort()), LOG_LEVEL: 'info' });
    expect((await runCli(['load'], env)).code).toBe(0);
    const server = startCli(['serve'], { ...env, HLP_SEEDS_DIR: join(ROOT, 'tests/fixtures/seeds/invalid') });
    try {
      await server.waitFor(/GraphiQL at/);
      expect(server.output()).toContain(
        'the seeds do not validate: serving the graph the store already holds',
      );
      expect(server.output()).toContain('SEED_INVALID');
      const response = await fetch(`http://127.0.0.1:${env['PORT']}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ organisations { totalCount } }' }),
      });
      expect(await response.json()).toEqual({ data: { organisations: { totalCount: 5 } } });
    } finally {
      await server.stop();
    }
    const empty = await runCli(
      ['serve'],
      testEnv('kuzu', { HLP_SEEDS_DIR: join(ROOT, 'tests/fixtures/seeds/invalid') }),
    );
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('SEED_INVALID');
  });

  it('a second serve on the same data directory exits with STORE_LOCKED naming the directory', async () => {
    const env = testEnv('kuzu', { PORT: String(await closedPort()) });
    const first = startCli(['serve'], env);
    try {
      await first.waitFor(/GraphiQL at/);
      const second = await runCli(['serve'], { ...env, PORT: String(await closedPort()) });
      expect(second.code).not.toBe(0);
      expect(second.stderr).toContain(
        `hlp-graph: STORE_LOCKED: the embedded store at ${env['HLP_DATA_DIR']} is in use by another process`,
      );
    } finally {
      await first.stop();
    }
  });

  it('with HLP_STORE=neo4j and Neo4j down, start-up fails with a message that names the URI', async () => {
    const uri = `bolt://127.0.0.1:${await closedPort()}`;
    const result = await runCli(
      ['serve'],
      testEnv('neo4j', { NEO4J_URI: uri, HLP_NEO4J_CONNECT_TIMEOUT_MS: '5000' }),
    );
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`hlp-graph: STORE_UNAVAILABLE: Neo4j at ${uri} is unavailable`);
  });

  // The vitest timeout is the point: the driver alone would wait on a silent server for ever.
  it('with a Neo4j that accepts connections but never answers, start-up fails in the connect timeout', {
    timeout: 20_000,
  }, async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    const address = silent.address();
    const uri = `bolt://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const result = await runCli(
        ['serve'],
        testEnv('neo4j', { NEO4J_URI: uri, HLP_NEO4J_CONNECT_TIMEOUT_MS: '1500' }),
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`hlp-graph: STORE_UNAVAILABLE: Neo4j at ${uri}`);
    } finally {
      silent.close();
    }
  });

  it('names every invalid setting at once', async () => {
    const result = await runCli(
      ['validate'],
      testEnv('kuzu', { HLP_STORE: 'mongo', PORT: 'eighty', NEO4J_URI: 'http://x' }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('CONFIG_INVALID');
    expect(result.stderr).toContain('HLP_STORE="mongo": expected kuzu or neo4j');
    expect(result.stderr).toContain('PORT="eighty": expected a whole number');
    expect(result.stderr).toContain('NEO4J_URI="http://x": expected a bolt:// or neo4j:// URI');
  });

  it('prints usage for an unknown command and exits 2', async () => {
    const result = await runCli(['frobnicate'], testEnv('kuzu'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "frobnicate"');
  });
});
