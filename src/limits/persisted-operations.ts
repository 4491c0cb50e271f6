import { createHash } from 'node:crypto';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { Plugin } from 'graphql-yoga';
import type { Example } from '../graphiql/examples.js';

/** The id a client sends for an operation: the SHA-256 of its text in hex, as Apollo's persisted-query link computes it. */
export function operationHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Persisted-operations mode (HLP_PERSISTED_OPERATIONS=on): only the operations in schema/examples
 * run, each sent as `extensions.persistedQuery.sha256Hash` (version 1) with no query text. A
 * deployment that serves known pages then accepts nothing else, whatever a client sends.
 * `GET /persisted-operations.json` lists the allowed hashes by example name.
 */
export function usePersistedExamples(examples: readonly Example[]): Plugin[] {
  const byHash = new Map(examples.map((e) => [operationHash(e.query), e] as const));
  const listing = Object.fromEntries(examples.map((e) => [e.name, operationHash(e.query)]));
  return [
    usePersistedOperations({
      getPersistedOperation: (hash) => byHash.get(hash)?.query ?? null,
      allowArbitraryOperations: false,
      customErrors: {
        notFound: {
          message: 'no allowed operation has this sha256Hash; GET /persisted-operations.json lists them',
          extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 404 } },
        },
        keyNotFound: {
          message:
            'this service runs only its persisted operations: send extensions.persistedQuery { version: 1, sha256Hash }',
          extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } },
        },
        persistedQueryOnly: {
          message:
            'this service runs only its persisted operations: send extensions.persistedQuery { version: 1, sha256Hash } and no query text',
          extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } },
        },
      },
    }),
    {
      onRequest({ url, request, endResponse }) {
        if (url.pathname === '/persisted-operations.json' && request.method === 'GET')
          endResponse(Response.json(listing));
      },
    },
  ];
}
