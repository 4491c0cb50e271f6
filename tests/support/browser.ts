import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Served } from './harness.js';

/** Debian's Chromium (`apt-get install chromium`, which .ci/run does), or where HLP_CHROMIUM says. */
export const CHROMIUM = process.env['HLP_CHROMIUM'] ?? '/usr/bin/chromium';
export const CHROMIUM_AVAILABLE = existsSync(CHROMIUM);

/** The suite's service on a local port and its Chromium (both valid inside tests and hooks). */
export interface InChromium {
  readonly origin: string;
  readonly browser: Browser;
}

/**
 * Serves `api`'s app on a port of 127.0.0.1 and launches Chromium for the suite, closing both after
 * it (the hooks are registered here). `webgl` draws through SwiftShader, with no GPU.
 */
export function inChromium(api: Served, options: { readonly webgl?: boolean } = {}): InChromium {
  let server: Server | undefined;
  let origin = '';
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = createServer(api.app);
    const listening = server;
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
    // The flags keep Chromium from calling Google's services on its own (this network refuses them).
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        ...(options.webgl ? ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'] : ['--disable-gpu']),
      ],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });
  return {
    get origin() {
      return origin;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is launched in beforeAll: use it inside a test or hook');
      return browser;
    },
  };
}
