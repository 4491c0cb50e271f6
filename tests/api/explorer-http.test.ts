import { describe, expect, it } from 'vitest';
import { servedGraph } from '../support/harness.js';

/**
 * The explorer over HTTP (the browser tests use it as people do): every view's address serves the
 * page, the bundle is served under /explorer/ with a policy that lets the page run only its own
 * script and talk only to this service; other paths stay 404.
 */
describe('the explorer served over HTTP', () => {
  const api = servedGraph('kuzu', { seeds: 'fixture' });

  const get = (path: string, method = 'GET') => api.fetch(path, { method });

  it('serves the page at / and at every view, as a shareable address', async () => {
    for (const path of [
      '/',
      '/search?q=thrive',
      '/entity/org.alpha-ccgs',
      '/entity/T3JnYW5pc2F0aW9uOm9yZy5hbHBoYS1jY2dz',
      '/path?from=a&to=b',
      '/network',
      '/funding',
      '/reports/report.five-year-2015-2020',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await response.text();
      expect(html).toContain('<script type="module" src="/explorer/app.js"></script>');
      // Nothing from another host: every address in the page is the service's own.
      expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('serves the bundle: the script and the stylesheet with their types', async () => {
    const script = await get('/explorer/app.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const code = await script.text();
    expect(code.length).toBeGreaterThan(10_000);
    // The bundle asks only this service (relative addresses), never a CDN.
    expect(code).toContain('/graphql');
    expect(code).not.toMatch(/https?:\/\/(?:cdn|unpkg|jsdelivr|fonts\.)/);
    const style = await get('/explorer/app.css');
    expect(style.status).toBe(200);
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('keeps other paths 404, refuses a post, and serves nothing else from the build folder', async () => {
    for (const path of [
      '/nope',
      '/entity',
      '/entity/a/b',
      '/explorer/index.html',
      '/explorer/../package.json',
      '/explorer/other.js',
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
    const post = await get('/', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});
