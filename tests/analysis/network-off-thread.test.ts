import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/env.js';
import { type Served, servedGraph } from '../support/harness.js';

/**
 * A network analysis runs for seconds to minutes on a big graph (about 10 s at 100k relationships).
 * The service runs it off the event loop and waits for it no longer than a request may take: the
 * request is answered 429 NETWORK_PENDING with Retry-After, every other request is answered as
 * usual meanwhile, and once the analysis is done (it is cached) the same request gets the network.
 * It runs at most HLP_NETWORK_ANALYSES at once: a request for yet another network is refused.
 */

const NETWORK = '{ network(projection: TWO_MODE, weight: COUNT) { summary { nodes edges communities } } }';

/** One operation, and how long the service took to answer it. */
async function post(api: Served, query: string) {
  const started = performance.now();
  const response = await api.post(query);
  const body = response.body as {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  return { status: response.status, headers: response.headers, body, ms: performance.now() - started };
}

describe('network analysis off the event loop', () => {
  const api = servedGraph('kuzu', {
    seeds: async () => {
      const seeds = join(tempDir('generated'), 'seeds');
      const generated = await runCli(
        ['generate', '--relationships', '10000', '--seed', '3', '--out', seeds],
        {},
      );
      if (generated.code !== 0) throw new Error(`generate failed: ${generated.stderr}`);
      return seeds;
    },
    // The network waits 1 ms for its analysis (a worker thread takes longer than that to start);
    // other requests keep the default time (a list page on a loaded 2-core CI machine, beside the
    // analysis, once took over 200 ms). One analysis at a time.
    config: { HLP_NETWORK_WAIT_MS: '1', HLP_NETWORK_ANALYSES: '1' },
    timeout: 600_000,
  });

  it('answers NETWORK_PENDING while it runs, other requests meanwhile, then the network', async () => {
    const first = await post(api, NETWORK);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('5');
    expect(first.body.errors?.[0]?.extensions?.code).toBe('NETWORK_PENDING');
    expect(first.body.data ?? null).toBeNull();

    // While it runs, another network is refused (one analysis at a time): nothing is started.
    const other = await post(api, NETWORK.replace('COUNT', 'FUNDING'));
    expect(other.status).toBe(429);
    expect(other.headers.get('retry-after')).toBe('5');
    expect(other.body.errors?.[0]?.extensions?.code).toBe('NETWORK_BUSY');
    const otherDownload = await api.fetch('/export/network.md?projection=two-mode&weight=funding');
    expect(otherDownload.status).toBe(429);
    expect(await otherDownload.text()).toContain('NETWORK_BUSY');

    // While it runs, the service answers: a list page, and the export asked for the same network.
    const page = await post(api, '{ organisations(first: 3) { totalCount edges { node { name } } } }');
    expect(page.status).toBe(200);
    expect(page.body.errors).toBeUndefined();
    expect(page.ms).toBeLessThan(5_000);
    const download = await api.fetch('/export/network.md?projection=two-mode&weight=count');
    expect([200, 429]).toContain(download.status);
    if (download.status === 429) expect(download.headers.get('retry-after')).toBe('5');

    // Then the same request gets it, from the cache.
    let answer = first;
    const deadline = Date.now() + 300_000;
    while (answer.status === 429 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      answer = await post(api, NETWORK);
    }
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    const network = answer.body.data?.['network'] as
      | { summary: { nodes: number; edges: number } }
      | undefined;
    expect(network?.summary.nodes).toBeGreaterThan(100);
    expect(network?.summary.edges).toBeGreaterThan(100);

    // Once it has ended, the other network can start.
    const later = await post(api, NETWORK.replace('COUNT', 'FUNDING'));
    expect(later.body.errors?.[0]?.extensions?.code ?? 'none').not.toBe('NETWORK_BUSY');
  }, 400_000);
});
