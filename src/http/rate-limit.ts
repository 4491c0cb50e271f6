import type { Plugin } from 'graphql-yoga';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** Paths a client's requests count on: the API and the downloads, not health checks or metrics. */
const LIMITED = /^\/(graphql|export\/)/;

interface NodeServerContext {
  readonly req?: { readonly socket?: { readonly remoteAddress?: string } };
}

/**
 * Who a request comes from: its socket's address, or behind a proxy the first address of
 * X-Forwarded-For (only when told to trust it: any client can write that header).
 */
function clientOf(request: Request, serverContext: unknown, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
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
      if (!LIMITED.test(url.pathname)) return;
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
