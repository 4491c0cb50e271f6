import type { Plugin } from 'graphql-yoga';

/**
 * Headers every response carries: no MIME sniffing, no framing by another site (clickjacking of
 * GraphiQL), no referrer sent on. The GraphiQL page runs inline scripts, so no script policy here.
 */
export function useSecurityHeaders(): Plugin {
  return {
    onResponse({ response }) {
      response.headers.set('x-content-type-options', 'nosniff');
      response.headers.set('content-security-policy', "frame-ancestors 'none'");
      response.headers.set('x-frame-options', 'DENY');
      response.headers.set('referrer-policy', 'no-referrer');
    },
  };
}
