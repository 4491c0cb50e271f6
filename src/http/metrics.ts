import type { Plugin } from 'graphql-yoga';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { factsOf } from './request-facts.js';

/** The service's Prometheus metrics, one registry per app (tests build many apps in one process). */
export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'hlp_http_requests_total',
    help: 'HTTP requests answered, by GraphQL operation (none for other paths), status and error code',
    labelNames: ['operation', 'status', 'code'] as const,
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'hlp_http_request_duration_seconds',
    help: 'Time from a request to its response, by GraphQL operation',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly inFlight = new Gauge({
    name: 'hlp_http_requests_in_flight',
    help: 'Requests received and not yet answered',
    registers: [this.registry],
  });
  readonly storeCalls = new Histogram({
    name: 'hlp_store_statement_duration_seconds',
    help: 'Time of each store statement a request ran, by statement name and outcome',
    labelNames: ['statement', 'outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** What openReader's onStatement reports, as the store-call histogram. */
  readonly onStatement = (name: string, ms: number, ok: boolean): void => {
    this.storeCalls.observe({ statement: name, outcome: ok ? 'ok' : 'error' }, ms / 1000);
  };
}

/**
 * Serves `GET /metrics` in Prometheus' text format and counts every request: total by operation,
 * status and code, latency by operation, requests in flight. Operation names are the client's, so
 * they are cut to 64 characters of [A-Za-z0-9_] to bound the label set.
 */
export function useMetrics(metrics: Metrics): Plugin {
  const label = (name: string | null | undefined) => (name ?? 'none').replace(/\W/g, '_').slice(0, 64);
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname === '/metrics' && request.method === 'GET') {
        endResponse(
          new Response(await metrics.registry.metrics(), {
            headers: { 'content-type': metrics.registry.contentType },
          }),
        );
        return;
      }
      metrics.inFlight.inc();
    },
    onResponse({ request, response }) {
      if (new URL(request.url).pathname === '/metrics') return;
      metrics.inFlight.dec();
      const facts = factsOf(request);
      const operation = label(facts?.operation);
      metrics.requests.inc({ operation, status: String(response.status), code: facts?.code ?? 'none' });
      if (facts) metrics.latency.observe({ operation }, (performance.now() - facts.started) / 1000);
    },
  };
}
