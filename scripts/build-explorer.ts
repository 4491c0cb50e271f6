import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds the explorer (src/explorer) into dist/explorer: one script and one stylesheet bundled by
 * esbuild from the project's own packages, and the page that loads them. Runs in `npm ci` (the
 * `prepare` script), before `npm start`, and before the tests that open the explorer; under a
 * second, so a stale bundle is never served.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const EXPLORER_SOURCE = join(ROOT, 'src/explorer');
export const EXPLORER_OUT = join(ROOT, 'dist/explorer');

export async function buildExplorer(out = EXPLORER_OUT): Promise<void> {
  // esbuild is a development dependency: imported here, so an install without it (the image's
  // runtime stage, which copies a bundle built in a stage of its own) can still run `prepare`.
  const { build } = await import('esbuild');
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: { app: join(EXPLORER_SOURCE, 'main.tsx') },
    outdir: out,
    bundle: true,
    format: 'esm',
    target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
    minify: true,
    sourcemap: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    tsconfig: join(EXPLORER_SOURCE, 'tsconfig.json'),
    loader: { '.css': 'css' },
    legalComments: 'linked',
    logLevel: 'warning',
  });
  writeFileSync(join(out, 'index.html'), readFileSync(join(EXPLORER_SOURCE, 'index.html')));
}

/** Whether this install can build: the sources and esbuild are both here. */
async function canBuild(): Promise<string | null> {
  if (!existsSync(join(EXPLORER_SOURCE, 'main.tsx'))) return 'no explorer sources (src/explorer)';
  try {
    await import('esbuild');
    return null;
  } catch {
    return 'esbuild is not installed (a production install: build the explorer where dev dependencies are)';
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const missing = await canBuild();
  if (missing) {
    console.log(`explorer not built: ${missing}`);
  } else {
    const started = Date.now();
    await buildExplorer();
    console.log(`explorer built into dist/explorer in ${Date.now() - started} ms`);
  }
}
