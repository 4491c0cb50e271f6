import type { Plugin } from 'graphql-yoga';

/** Where the API answers GraphQL. */
export const GRAPHQL_PATH = '/graphql';

/** Whether a request is for the GraphQL endpoint (yoga also takes a trailing slash). */
export function isGraphqlPath(url: URL): boolean {
  return url.pathname === GRAPHQL_PATH || url.pathname === `${GRAPHQL_PATH}/`;
}

/**
 * 404 for every other path yoga would answer GraphQL on: it runs operations for any URL that ends
 * in /graphql (/x/graphql, /?a=/graphql), and the limits and refusals before it (rate, concurrency,
 * media type) look at the path. One endpoint, checked the same way everywhere.
 */
export function useOneGraphqlEndpoint(): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      if (isGraphqlPath(url)) return;
      if (request.url.endsWith(GRAPHQL_PATH) || request.url.endsWith(`${GRAPHQL_PATH}/`))
        endResponse(new Response('', { status: 404 }));
    },
  };
}
