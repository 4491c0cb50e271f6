import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../logger.js';
import { factsOf } from './request-facts.js';

/**
 * One structured log line per request (pino, level info): request id, method, path, operation,
 * HTTP status, the first error's code, duration and response bytes. Variable values are never
 * logged: they may hold what a user searched for.
 */
export function useAccessLog(log: Logger): Plugin {
  return {
    onResponse({ request, response }) {
      const facts = factsOf(request);
      const length = response.headers.get('content-length');
      log.info(
        {
          reqId: facts?.id,
          method: request.method,
          path: new URL(request.url).pathname,
          operation: facts?.operation ?? null,
          status: response.status,
          code: facts?.code ?? null,
          ms: facts ? Math.round((performance.now() - facts.started) * 10) / 10 : null,
          bytes: length === null ? null : Number(length),
        },
        'request',
      );
    },
  };
}
