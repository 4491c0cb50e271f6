import type { Plugin } from 'graphql-yoga';

/**
 * Headers every response carries: no MIME sniffing, no framing by another site (clickjacking of
 * GraphiQL), no referrer sent on. The GraphiQL page runs inline scripts, so no script policy here;
 * the explorer sets a strict one of its own (src/http/explorer.ts).
 */
export function useSecurityHeaders(): Plugin {
  return {
    onResponse({ response }) {
      response.headers.set('x-content-type-options', 'nosniff');
      // A page with a policy of its own (the explorer's, which also forbids framing) keeps it.
      if (!response.headers.has('content-security-policy'))
        response.headers.set('content-security-policy', "frame-ancestors 'none'");
      response.headers.set('x-frame-options', 'DENY');
      response.headers.set('referrer-policy', 'no-referrer');
    },
  };
}
