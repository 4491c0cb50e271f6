import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/store/port.js';
import { appFor, type TestApp } from '../support/graphql.js';
import { loadedStore } from '../support/harness.js';

/**
 * What an operator sees and relies on: one access-log line per request, Prometheus metrics,
 * security headers, CORS only for listed origins, no cross-site simple requests, and production
 * mode's closed doors.
 */

/** An app whose log lines land in `lines`. */
function appWithLog(store: GraphStore, env: Record<string, string> = {}): { app: TestApp; lines: unknown[] } {
  const lines: unknown[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const log = pino({ level: 'info' }, sink);
  return { app: appFor(store, 'kuzu', env, log), lines };
}

const json = { 'content-type': 'application/json', accept: 'application/json' };

describe('operating the service', () => {
  const { store } = loadedStore('kuzu', { seeds: 'fixture' });

  it('logs one line per request with its id, operation, status, code, duration and size, never its variables', async () => {
    const { app, lines } = appWithLog(store);
    const response = await app.fetch('http://test/graphql', {
      method: 'POST',
      headers: { ...json, 'x-request-id': 'req-42' },
      body: JSON.stringify({
        query: 'query Secret($n: String!) { search(text: $n) { matched } }',
        variables: { n: 'a-searched-name' },
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req-42');
    await app.fetch('http://test/graphql', { method: 'POST', headers: json, body: '{"query":"{ nope }"}' });
    const requests = lines.filter((l) => (l as { msg?: string }).msg === 'request');
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({
      reqId: 'req-42',
      method: 'POST',
      path: '/graphql',
      operation: 'Secret',
      status: 200,
      code: null,
    });
    expect((requests[0] as { ms: number }).ms).toBeGreaterThan(0);
    expect((requests[0] as { bytes: number }).bytes).toBeGreaterThan(0);
    expect(requests[1]).toMatchObject({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(JSON.stringify(lines)).not.toContain('a-searched-name');
  });

  it('serves Prometheus metrics: requests by operation, status and code, latency, store calls, process', async () => {
    const { app } = appWithLog(store);
    for (let i = 0; i < 3; i++) {
      await app.fetch('http://test/graphql', {
        method: 'POST',
        headers: json,
        body: '{"query":"query Orgs { organisations(first: 2) { totalCount } }"}',
      });
    }
    await app.fetch('http://test/graphql', { method: 'POST', headers: json, body: '{"query":"{ nope }"}' });
    const response = await app.fetch('http://test/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('hlp_http_requests_total{operation="Orgs",status="200",code="none"} 3');
    expect(text).toContain(
      'hlp_http_requests_total{operation="none",status="400",code="GRAPHQL_VALIDATION_FAILED"} 1',
    );
    expect(text).toMatch(/hlp_http_request_duration_seconds_count\{operation="Orgs"\} 3/);
    expect(text).toMatch(/hlp_store_statement_duration_seconds_count\{statement="\w+",outcome="ok"\} [1-9]/);
    expect(text).toContain('hlp_http_requests_in_flight 0');
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('sends security headers, allows CORS only for listed origins and never with credentials', async () => {
    const closed = appWithLog(store).app;
    const asked = await closed.fetch('http://test/graphql', {
      method: 'POST',
      headers: { ...json, origin: 'https://elsewhere.example' },
      body: '{"query":"{ __typename }"}',
    });
    expect(asked.headers.get('x-content-type-options')).toBe('nosniff');
    expect(asked.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(asked.headers.get('referrer-policy')).toBe('no-referrer');
    expect(asked.headers.get('access-control-allow-origin')).toBeNull();
    const open = appWithLog(store, { HLP_CORS_ORIGINS: 'https://explorer.example' }).app;
    const listed = await open.fetch('http://test/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'https://explorer.example', 'access-control-request-method': 'POST' },
    });
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://explorer.example');
    expect(listed.headers.get('access-control-allow-credentials')).toBeNull();
    const other = await open.fetch('http://test/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' },
    });
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://elsewhere.example');
  });

  it('refuses what a cross-site page can send without asking: form posts (415) and GETs without the CSRF header (403)', async () => {
    const { app } = appWithLog(store);
    const form = await app.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=%7B__typename%7D',
    });
    expect(form.status).toBe(415);
    expect(
      ((await form.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
    ).toBe('UNSUPPORTED_MEDIA_TYPE');
    const get = await app.fetch('http://test/graphql?query=%7B__typename%7D', {
      headers: { accept: 'application/json' },
    });
    expect(get.status).toBe(403);
    expect(
      ((await get.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
    ).toBe('CSRF_HEADER_MISSING');
    const allowed = await app.fetch('http://test/graphql?query=%7B__typename%7D', {
      headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1' },
    });
    expect(allowed.status).toBe(200);
  });

  it('answers 429 with Retry-After when HLP_MAX_CONCURRENT_REQUESTS are running, and serves again once they end', async () => {
    const { app } = appWithLog(store, { HLP_MAX_CONCURRENT_REQUESTS: '1' });
    // A request whose body has not finished arriving is running: it holds the one place.
    let finish: (() => void) | undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"query":'));
        finish = () => {
          controller.enqueue(new TextEncoder().encode('"{ __typename }"}'));
          controller.close();
        };
      },
    });
    const slow = app.fetch('http://test/graphql', {
      method: 'POST',
      headers: json,
      body,
      duplex: 'half',
    } as RequestInit);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const refused = await app.fetch('http://test/graphql', {
      method: 'POST',
      headers: json,
      body: '{"query":"{ __typename }"}',
    });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(
      ((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
    ).toBe('SERVICE_BUSY');
    finish?.();
    expect((await slow).status).toBe(200);
    const again = await app.fetch('http://test/graphql', {
      method: 'POST',
      headers: json,
      body: '{"query":"{ __typename }"}',
    });
    expect(again.status).toBe(200);
  });

  it('in production serves no GraphiQL, answers no introspection and suggests no field names, unless enabled', async () => {
    const { app } = appWithLog(store, { NODE_ENV: 'production' });
    const page = await app.fetch('http://test/graphql', { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toContain('YogaGraphiQL');
    const introspect = await app.fetch('http://test/graphql', {
      method: 'POST',
      headers: json,
      body: '{"query":"{ __schema { queryType { name } } }"}',
    });
    expect(introspect.status).toBe(400);
    const typo = await app.fetch('http://test/graphql', {
      method: 'POST',
      headers: json,
      body: '{"query":"{ organisation { name } }"}',
    });
    expect(JSON.stringify(await typo.json())).not.toContain('Did you mean');
    const enabled = appWithLog(store, {
      NODE_ENV: 'production',
      HLP_INTROSPECTION: 'on',
      HLP_GRAPHIQL: 'on',
    }).app;
    const allowed = await enabled.fetch('http://test/graphql', {
      method: 'POST',
      headers: json,
      body: '{"query":"{ __schema { queryType { name } } }"}',
    });
    expect(allowed.status).toBe(200);
    const shown = await enabled.fetch('http://test/graphql', { headers: { accept: 'text/html' } });
    expect(await shown.text()).toContain('YogaGraphiQL');
  });
});
