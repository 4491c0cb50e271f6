import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin } from 'graphql-yoga';
import { PROJECT_ROOT } from '../config.js';

/** Where `npm run build` writes the explorer (scripts/build-explorer.ts). */
export const EXPLORER_DIR = join(PROJECT_ROOT, 'dist/explorer');

/** The explorer's views: each path is the page, the view is chosen in the browser. */
const VIEW = /^\/(?:|search|path|network|funding|entity\/[^/]+|reports\/[^/]+)$/;
/** The bundle's files, by name only: nothing else under dist/ is served. */
const ASSET = /^\/explorer\/(app\.(?:js|css)(?:\.map)?|app\.js\.LEGAL\.txt)$/;

const TYPES: Readonly<Record<string, string>> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  map: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/**
 * The explorer's pages may run only their own script and talk only to this service: no inline
 * script, nothing from another host. Styles come from the bundle's stylesheet; 'unsafe-inline'
 * stays for styles because sigma and the legend's swatches set style attributes (styles cannot
 * run code; scripts are what the policy keeps to the service's own).
 */
export const EXPLORER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

async function file(name: string): Promise<Buffer | null> {
  try {
    return await readFile(join(EXPLORER_DIR, name));
  } catch {
    return null;
  }
}

/**
 * Serves the explorer: the page at `/` and at each view's path (a shareable URL opens its view), and
 * the bundle under /explorer/. Built by `npm run build` (which `npm ci` and `npm start` run); a
 * checkout that has not built it says so.
 */
export function useExplorer(): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      const asset = ASSET.exec(url.pathname)?.[1];
      if (!asset && !VIEW.test(url.pathname)) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new Response('use GET\n', { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      const name = asset ?? 'index.html';
      const body = await file(name);
      if (!body) {
        endResponse(
          new Response('The explorer is not built: run `npm run build` (npm ci and npm start run it).\n', {
            status: 503,
            headers: { 'content-type': 'text/plain; charset=utf-8' },
          }),
        );
        return;
      }
      endResponse(
        new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
          status: 200,
          headers: {
            'content-type': TYPES[name.split('.').pop() ?? 'txt'] ?? 'text/plain; charset=utf-8',
            // Fixed names: the browser asks again each time and gets the current build.
            'cache-control': 'no-cache',
            'content-security-policy': EXPLORER_CSP,
          },
        }),
      );
    },
  };
}
