import type { Plugin } from 'graphql-yoga';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { isGraphqlPath } from './graphql-endpoint.js';

/** Requests a client's limit counts: the API and the downloads, not health checks or metrics. */
const limited = (url: URL) => isGraphqlPath(url) || url.pathname.startsWith('/export/');

interface NodeServerContext {
  readonly req?: { readonly socket?: { readonly remoteAddress?: string } };
}

/**
 * Who a request comes from: its socket's address, or behind a proxy the address the proxy added to
 * X-Forwarded-For, the last one (only when told to trust it). The entries before it are the
 * client's own to write, so a client could pose as a new one with every request.
 */
function clientOf(request: Request, serverContext: unknown, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  return (serverContext as NodeServerContext | undefined)?.req?.socket?.remoteAddress ?? 'unknown';
}

/**
 * At most `perMinute` requests per client per minute (rate-limiter-flexible's in-memory limiter:
 * a fixed one-minute window per client). One more is answered at once with 429, RATE_LIMITED and
 * Retry-After saying when the window opens again. Off when `perMinute` is 0.
 */
export function useRateLimit(perMinute: number, trustProxy: boolean): Plugin {
  if (perMinute === 0) return {};
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  return {
    async onRequest({ request, url, serverContext, endResponse }) {
      if (!limited(url)) return;
      try {
        await limiter.consume(clientOf(request, serverContext, trustProxy));
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
        endResponse(
          Response.json(
            {
              errors: [
                {
                  message: `more than ${perMinute} requests in a minute from this client: try again in ${seconds} s`,
                  extensions: { code: 'RATE_LIMITED' },
                },
              ],
            },
            { status: 429, headers: { 'retry-after': String(seconds) } },
          ),
        );
      }
    },
  };
}
