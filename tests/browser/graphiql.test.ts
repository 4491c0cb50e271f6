import { describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_AVAILABLE, inChromium } from '../support/browser.js';
import { servedGraph } from '../support/harness.js';

const available = CHROMIUM_AVAILABLE;
if (!available) console.warn(`[browser] GraphiQL browser tests skipped: no Chromium at ${CHROMIUM}`);

/**
 * GraphiQL as a user gets it: the page the service serves, opened in a real Chromium that may reach
 * only the service. Every request the page makes is recorded; one to any other host is refused, so
 * a script or style from a CDN would leave the editor blank and the test red.
 */
describe.skipIf(!available)('GraphiQL in a real browser, with no internet', () => {
  const api = servedGraph('kuzu', { seeds: 'fixture' });
  const served = inChromium(api);

  it('renders the editor with the example operations and runs one, loading nothing from another host', async () => {
    const page = await served.browser.newPage();
    const elsewhere: string[] = [];
    const failed: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(served.origin) || url.startsWith('data:') || url.startsWith('blob:'))
        return route.continue();
      elsewhere.push(url);
      return route.abort();
    });
    page.on('requestfailed', (request) => failed.push(request.url()));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto(`${served.origin}/graphql`, { waitUntil: 'load' });
    // The editor is up, with a tab per example operation.
    await page.locator('.graphiql-container').first().waitFor({ timeout: 30_000 });
    const tabs = page.locator('.graphiql-tab');
    await expect.poll(() => tabs.count(), { timeout: 10_000 }).toBeGreaterThan(1);

    // Run the open tab's operation: an answer with data comes back into the result pane.
    const answered = page.waitForResponse(
      (response) =>
        response.url().startsWith(`${served.origin}/graphql`) && response.request().method() === 'POST',
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
