import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_AVAILABLE, inChromium } from '../support/browser.js';
import { ROOT } from '../support/env.js';
import { servedGraph } from '../support/harness.js';

const available = CHROMIUM_AVAILABLE;
if (!available) console.warn(`[browser] explorer browser tests skipped: no Chromium at ${CHROMIUM}`);

/** Screenshots of each view, for a person to look at after a run (not compared). */
const SHOTS = join(ROOT, 'test-output/explorer');
/** The reports' text, which the report view shows: absent on a machine without ../shared/sources. */
const SOURCES = process.env['HLP_SOURCES_DIR'] ?? join(ROOT, '..', 'shared', 'sources');
const haveSources = existsSync(join(SOURCES, '000_90cc9f875cc8fefe.txt'));
if (available && !haveSources) console.warn(`[browser] report view test skipped: no reports at ${SOURCES}`);
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Watched {
  readonly page: Page;
  /** Requests to any host but the service (each refused). */
  readonly elsewhere: string[];
  /** Console errors and uncaught exceptions. */
  readonly errors: string[];
}

/**
 * The explorer as a person uses it: the pages the service serves, in a real Chromium that may reach
 * only the service, on the real HLP graph. Each flow checks what a user sees and that nothing was
 * asked of another host and nothing went wrong in the page; axe-core checks each view.
 */
describe.skipIf(!available)('the explorer in a real browser, with no internet', () => {
  // The deployment's pool: a path request runs several path searches (128 MB holds a few).
  const api = servedGraph('kuzu', { seeds: 'real', config: { HLP_KUZU_BUFFER_POOL_MB: '256' } });
  const served = inChromium(api, { webgl: true });

  async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<Watched> {
    const page = await served.browser.newPage({ viewport });
    const elsewhere: string[] = [];
    const errors: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(served.origin) || url.startsWith('data:') || url.startsWith('blob:'))
        return route.continue();
      elsewhere.push(url);
      return route.abort();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${served.origin}${path}`, { waitUntil: 'load' });
    return { page, elsewhere, errors };
  }

  /** axe-core's serious and critical violations of the page as it stands. */
  async function violations(page: Page): Promise<string[]> {
    await page.evaluate(AXE);
    const result = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: () => Promise<{
              violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[];
            }>;
          };
        }
      ).axe;
      return (await axe.run()).violations;
    });
    return result
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  }

  async function finish(w: Watched, shot: string): Promise<void> {
    await w.page.screenshot({ path: join(SHOTS, `${shot}.png`), fullPage: false });
    expect(await violations(w.page)).toEqual([]);
    expect(w.elsewhere).toEqual([]);
    expect(w.errors).toEqual([]);
    await w.page.close();
  }

  beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

  it('search → entity: suggestions as you type, then the entity with evidence, funding and relationships', async () => {
    const w = await open('/');
    const { page } = w;
    const box = page.getByRole('combobox', { name: /Find a partner/ });
    await box.fill('Thrive London');
    const option = page.getByRole('option', { name: /Thrive LDN\s*Programme/ });
    await option.first().waitFor({ timeout: 15_000 });
    await box.press('ArrowDown');
    await box.press('Enter');
    await page.waitForURL(`${served.origin}/entity/prog.thrive-ldn`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toContain('Thrive LDN');
    // The tab names the view by its heading (what a screen reader announces after the navigation).
    await expect.poll(() => page.title()).toMatch(/^Thrive LDN.* · HLP Graph$/);
    // Its facts with evidence linking to the report view, and its relationships grouped by kind.
    const evidence = page.locator('.evidence a[href^="/reports/"]').first();
    expect(await evidence.getAttribute('href')).toMatch(
      /^\/reports\/report\.[a-z0-9-]+\?lines=\d+-\d+#L\d+$/,
    );
    await page.getByRole('heading', { name: /^Relationships \(\d+/ }).waitFor();
    expect(await page.locator('.relationship-group h3').count()).toBeGreaterThan(1);
    await finish(w, 'entity');
  }, 120_000);

  it('search page: the address holds the query, and a typo still finds the entity', async () => {
    const w = await open('/search?q=Londn%20Fire%20Brigade');
    const first = w.page.locator('ol.hits li a').first();
    await first.waitFor({ timeout: 15_000 });
    expect(await first.innerText()).toBe('London Fire Brigade');
    await first.click();
    await w.page.waitForURL(`${served.origin}/entity/org.london-fire-brigade`);
    await w.page.getByRole('heading', { level: 1, name: /London Fire Brigade/ }).waitFor();
    await finish(w, 'search');
  }, 120_000);

  it('shows every relationship of an entity with more than a page of them, a page at a time', async () => {
    const w = await open('/entity/org.healthy-london-partnership');
    const heading = w.page.locator('#relationships-heading');
    await heading.waitFor({ timeout: 15_000 });
    const total = Number(/\((\d+), 100 shown\)/.exec(await heading.innerText())?.[1]);
    expect(total).toBeGreaterThan(100);
    expect(await w.page.locator('.relationship-group > ul > li').count()).toBe(100);
    await w.page.getByRole('button', { name: 'Show 100 more relationships' }).click();
    const shown = Math.min(total, 200);
    await expect
      .poll(() => w.page.locator('.relationship-group > ul > li').count(), { timeout: 15_000 })
      .toBe(shown);
    expect(await heading.innerText()).toBe(
      shown === total ? `Relationships (${total})` : `Relationships (${total}, ${shown} shown)`,
    );
    await finish(w, 'entity-many');
  }, 120_000);

  it.skipIf(!haveSources)(
    'entity → report: the evidence link opens the report with its lines lit and no email address',
    async () => {
      const w = await open('/entity/org.london-fire-brigade');
      const link = w.page.locator('.evidence a[href^="/reports/"]').first();
      await link.waitFor({ timeout: 15_000 });
      const href = (await link.getAttribute('href')) ?? '';
      const [, first, last] = /lines=(\d+)-(\d+)/.exec(href) ?? [];
      await link.click();
      await w.page.locator('.report-text li.cited').first().waitFor({ timeout: 15_000 });
      expect(await w.page.locator('.report-text li.cited').count()).toBe(Number(last) - Number(first) + 1);
      expect(await w.page.locator('.report-text li.cited .number').first().innerText()).toBe(first);
      await finish(w, 'report');

      // The July 2016 report lists contacts with their email addresses: none reaches the page.
      const july = await open('/reports/report.july-2016');
      await july.page.locator('.report-text li').nth(100).waitFor({ timeout: 15_000 });
      const text = await july.page.locator('.report-text').innerText();
      expect(text).toContain('Teresa Moss');
      expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
      await july.page.close();
    },
    120_000,
  );

  it('path: two entities picked by search, every route with its hops and evidence, alternatives after the shortest', async () => {
    const w = await open('/path?from=org.london-fire-brigade');
    const { page } = w;
    const to = page.getByRole('combobox', { name: 'To' });
    await to.fill('Thrive LDN');
    await page
      .getByRole('option', { name: /^Thrive LDN\s*Programme/ })
      .first()
      .click();
    await page.waitForURL(/\/path\?from=org\.london-fire-brigade&to=prog\.thrive-ldn$/);
    const routes = page.locator('li.route');
    await routes.first().waitFor({ timeout: 30_000 });
    expect(await routes.count()).toBeGreaterThan(1);
    const firstRoute = routes.first();
    expect(await firstRoute.locator('h3').innerText()).toMatch(/Route 1: \d steps? \(shortest\)/);
    expect(await firstRoute.locator('.hops > li').first().locator('a').first().innerText()).toBe(
      'London Fire Brigade',
    );
    expect(await firstRoute.locator('.evidence a').count()).toBeGreaterThan(0);
    await finish(w, 'path');
  }, 120_000);

  it('network: drawn with WebGL, coloured by community, with a table of the most central; a click on a row opens it', async () => {
    const w = await open('/network?measure=BETWEENNESS');
    const { page } = w;
    await page.locator('.network-canvas[data-ready="true"] canvas').first().waitFor({ timeout: 60_000 });
    await page.getByRole('table', { name: /most central, by betweenness/ }).waitFor();
    const legend = page.getByRole('list', { name: 'Communities' }).locator('li');
    expect(await legend.count()).toBeGreaterThan(1);
    // Filtering by period changes the address (shareable) and the answer.
    await page.getByLabel('Period').selectOption('2019/20');
    await page.waitForURL(/period=2019%2F20/);
    await page.locator('.network-canvas[data-ready="true"]').first().waitFor({ timeout: 60_000 });
    await finish(w, 'network');

    const again = await open('/network');
    const first = again.page.locator('table tbody tr a').first();
    await first.waitFor({ timeout: 60_000 });
    const name = await first.innerText();
    await first.click();
    await again.page.waitForURL(/\/entity\//);
    await again.page
      .getByRole('heading', { level: 1, name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
      .waitFor();
    expect(again.errors).toEqual([]);
    await again.page.close();
  }, 180_000);

  it('funding: lines with totals that count each sum once, filters in the address, downloads', async () => {
    const w = await open('/funding?period=2019%2F20');
    const { page } = w;
    const totals = page.locator('.totals');
    await totals.waitFor({ timeout: 15_000 });
    expect(await totals.innerText()).toMatch(/Total: £[\d,]+/);
    expect(await page.locator('table tbody tr').count()).toBeGreaterThan(10);
    expect(await page.getByRole('link', { name: /CSV/ }).getAttribute('href')).toBe('/export/funding.csv');
    await finish(w, 'funding');
  }, 120_000);

  it('an unknown id gets a not-found page with a search box; two unconnected entities, a page that says so', async () => {
    const w = await open('/entity/org.no-such-thing');
    await w.page.getByRole('heading', { name: 'Not found' }).waitFor({ timeout: 15_000 });
    expect(await w.page.title()).toBe('Not found · HLP Graph');
    await w.page.getByRole('combobox').waitFor();
    await finish(w, 'not-found');

    // Two entities no route of at most 4 steps joins: the page says so.
    const none = await open(
      '/path?from=metric.homeless-life-expectancy-2017-18&to=award.pen-awards-2020-using-insight-for-improvement',
    );
    const status = none.page.locator('p.notice[role="status"]');
    await status.waitFor({ timeout: 30_000 });
    expect(await status.innerText()).toMatch(/^No route joins .+ and .+ within 4 steps\.$/);
    expect(none.errors).toEqual([]);
    await none.page.close();
  }, 120_000);

  it('is usable at phone width: nothing wider than the screen, the navigation and search in reach', async () => {
    const w = await open('/entity/org.london-fire-brigade', { width: 375, height: 740 });
    await w.page.getByRole('heading', { level: 1, name: /London Fire Brigade/ }).waitFor({ timeout: 15_000 });
    const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await w.page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Search' }).click();
    await w.page.waitForURL(`${served.origin}/search`);
    await w.page.getByRole('combobox').fill('LFB');
    await w.page.getByRole('option').first().waitFor({ timeout: 15_000 });
    await finish(w, 'phone');
  }, 120_000);
});
