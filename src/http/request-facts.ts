import { randomUUID } from 'node:crypto';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** What the access log and the metrics say about one request. */
export interface RequestFacts {
  /** The client's x-request-id (at most 100 characters), or a new one; echoed in the response. */
  readonly id: string;
  readonly started: number;
  /** The operation's name, `anonymous` for an unnamed one, null before one was parsed. */
  operation: string | null;
  /** The first error's extensions.code, null for an answer without errors. */
  code: string | null;
}

const facts = new WeakMap<Request, RequestFacts>();

/** The facts of a request this plugin has seen, for the plugins that report on it. */
export function factsOf(request: Request): RequestFacts | undefined {
  return facts.get(request);
}

/**
 * Records, per request, its id, start, operation and outcome code, for the access log and the
 * metrics (useAccessLog, useMetrics). Must come before them in the plugin list.
 */
export function useRequestFacts(): Plugin {
  return {
    onRequest({ request }) {
      const given = request.headers.get('x-request-id');
      facts.set(request, {
        id: given && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID(),
        started: performance.now(),
        operation: null,
        code: null,
      });
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      const recorded = request && facts.get(request);
      if (recorded)
        recorded.operation = getOperationAST(args.document, args.operationName)?.name?.value ?? 'anonymous';
    },
    onResultProcess({ request, result }) {
      const recorded = facts.get(request);
      if (!recorded || Array.isArray(result) || !('errors' in result)) return;
      const code = result.errors?.[0]?.extensions?.['code'];
      recorded.code = typeof code === 'string' ? code : null;
    },
    onResponse({ request, response }) {
      const recorded = facts.get(request);
      if (recorded) response.headers.set('x-request-id', recorded.id);
    },
  };
}
