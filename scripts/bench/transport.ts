/**
 * The minimal HTTP transport of the raw Cypher systems: POST /query {op, params} runs the named
 * statement and answers {rows}; GET /ready. No framework, so the figures measure the statement and
 * the driver, and the transport costs the same on both engines. The counts of statements and
 * transactions travel in the same headers the service uses (x-store-statements, x-store-transactions).
 */
import { createServer, type IncomingMessage } from 'node:http';

export interface Counts {
  statements: number;
  transactions: number;
}

export type Handler = (op: string, params: Record<string, unknown>, counts: Counts) => Promise<unknown[]>;

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Serves `handler` on 127.0.0.1:`port` until the process ends; resolves once listening. */
export function serveQueries(port: number, handler: Handler, ready: () => Promise<void>): Promise<void> {
  const server = createServer(async (request, response) => {
    try {
      if (request.method === 'GET' && request.url === '/ready') {
        await ready();
        response.writeHead(200).end('ok');
        return;
      }
      if (request.method !== 'POST' || request.url !== '/query') {
        response.writeHead(404).end();
        return;
      }
      const { op, params } = JSON.parse(await body(request)) as {
        op: string;
        params?: Record<string, unknown>;
      };
      const counts: Counts = { statements: 0, transactions: 0 };
      const rows = await handler(op, params ?? {}, counts);
      response.writeHead(200, {
        'content-type': 'application/json',
        'x-store-statements': String(counts.statements),
        'x-store-transactions': String(counts.transactions),
      });
      response.end(JSON.stringify({ rows }));
    } catch (error) {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
    }
  });
  // The default keep-alive timeout (5 s) is shorter than a slow statement under load: keep sockets.
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
}
