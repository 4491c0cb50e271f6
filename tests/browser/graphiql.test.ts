import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedGraph } from '../support/harness.js';

/** Debian's Chromium (`apt-get install chromium`, which .ci/run does), or where HLP_CHROMIUM says. */
const CHROMIUM = process.env['HLP_CHROMIUM'] ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) console.warn(`[browser] GraphiQL browser tests skipped: no Chromium at ${CHROMIUM}`);

/**
 * GraphiQL as a user gets it: the page the service serves, opened in a real Chromium that may reach
 * only the service. Every request the page makes is recorded; one to any other host is refused, so
 * a script or style from a CDN would leave the editor blank and the test red.
 */
describe.skipIf(!available)('GraphiQL in a real browser, with no internet', () => {
  const api = servedGraph('kuzu', { seeds: 'fixture' });
  let server: Server;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    server = createServer(api.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The flags keep Chromium from calling Google's services on its own (this network refuses them).
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('renders the editor with the example operations and runs one, loading nothing from another host', async () => {
    const page = await browser.newPage();
    const elsewhere: string[] = [];
    const failed: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:'))
        return route.continue();
      elsewhere.push(url);
      return route.abort();
    });
    page.on('requestfailed', (request) => failed.push(request.url()));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto(`${origin}/graphql`, { waitUntil: 'load' });
    // The editor is up, with a tab per example operation.
    await page.locator('.graphiql-container').first().waitFor({ timeout: 30_000 });
    const tabs = page.locator('.graphiql-tab');
    await expect.poll(() => tabs.count(), { timeout: 10_000 }).toBeGreaterThan(1);

    // Run the open tab's operation: an answer with data comes back into the result pane.
    const answered = page.waitForResponse(
      (response) => response.url().startsWith(`${origin}/graphql`) && response.request().method() === 'POST',
    );
    await page.locator('.graphiql-execute-button').first().click();
    const response = await answered;
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data).toBeTruthy();
    await expect
      .poll(() => page.locator('.graphiql-response').first().innerText(), { timeout: 10_000 })
      .toContain('"data"');

    expect(elsewhere).toEqual([]);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
