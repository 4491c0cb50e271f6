import type { Plugin } from 'graphql-yoga';
import { isGraphqlPath } from './graphql-endpoint.js';

/**
 * At most `limit` GraphQL requests at once; one more is answered at once with 429, Retry-After: 1
 * and SERVICE_BUSY instead of queueing behind the others until every client times out. Counted
 * from the request's arrival to its response; other paths (/metrics, /health, exports) are not.
 */
export function useConcurrencyLimit(limit: number): Plugin {
  let running = 0;
  const counted = new WeakSet<Request>();
  return {
    onRequest({ request, url, endResponse }) {
      if (!isGraphqlPath(url)) return;
      if (running >= limit) {
        endResponse(
          Response.json(
            {
              errors: [
                {
                  message: `the service is answering ${limit} requests already: try again in a second`,
                  extensions: { code: 'SERVICE_BUSY' },
                },
              ],
            },
            { status: 429, headers: { 'retry-after': '1' } },
          ),
        );
        return;
      }
      running++;
      counted.add(request);
    },
    onResponse({ request }) {
      if (counted.delete(request)) running--;
    },
  };
}
