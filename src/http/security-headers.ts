import type { Plugin } from 'graphql-yoga';

/**
 * Headers every response carries: no MIME sniffing, no framing by another site (clickjacking of
 * GraphiQL), no referrer sent on. The GraphiQL page runs inline scripts, so no script policy here;
 * the explorer sets a strict one of its own (src/http/explorer.ts).
 */
export function useSecurityHeaders(): Plugin {
  return {
    onResponse({ response }) {
      // A page with a policy of its own (the explorer's, which also forbids framing) keeps it.
      const own = response.headers.has('content-security-policy');
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        if (!own || name !== 'content-security-policy') response.headers.set(name, value);
    },
  };
}

/** The headers, for the answers given before yoga sees a request (request-body.ts). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};
