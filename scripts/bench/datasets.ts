/**
 * The graphs the bench runs on: the curated seeds, and synthetic seed directories generated once per
 * (size, generator seed, generator) into the cache folder and reused while their key holds.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '../../src/config.js';
import { MODEL_HASH } from '../../src/model/model-hash.js';
import type { Size } from './options.js';
import { run } from './proc.js';

export interface Dataset {
  readonly size: Size;
  readonly seedsDir: string;
  /** This size's folder in the cache: loaded stores, markers. */
  readonly cacheDir: string;
  /** Hash of every seed file and of the graph model: a loaded store is reused while it matches. */
  readonly key: string;
  /** Which generator made it (for the report), or "curated seeds". */
  readonly origin: string;
}

/**
 * The generator: `hlp-graph generate` of this checkout. BENCH_GENERATOR overrides it with another
 * checkout's bin/hlp-graph.js (to bench an older commit on the same synthetic graphs) or a standalone
 * generator script taking the same flags; the cache key includes which one made the graph, so a
 * switch regenerates and reloads by itself.
 */
async function generatorCommand(): Promise<{ name: string; command: string[] }> {
  const override = process.env['BENCH_GENERATOR'];
  if (override) {
    if (!existsSync(override)) throw new Error(`bench: BENCH_GENERATOR=${override} does not exist`);
    return override.endsWith('hlp-graph.js')
      ? { name: `hlp-graph generate (${override})`, command: [override, 'generate'] }
      : { name: `generator ${override}`, command: [override] };
  }
  const help = await run('node', ['bin/hlp-graph.js', '--help']);
  if (/^\s+generate\b/m.test(help.output)) {
    return { name: 'hlp-graph generate', command: ['bin/hlp-graph.js', 'generate'] };
  }
  throw new Error('bench: synthetic sizes need `hlp-graph generate` or a generator at BENCH_GENERATOR');
}

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const full = join(dir, entry);
      return statSync(full).isDirectory() ? files(full) : /\.ya?ml$/.test(entry) ? [full] : [];
    });
}

/** Hash of every seed file's path and content, and of the model (a model change means a reload). */
export function seedKey(dir: string): string {
  const hash = createHash('sha256').update(MODEL_HASH);
  for (const file of files(dir)) hash.update(relative(dir, file)).update('\0').update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/** The seed directory of `size`, generating it into the cache when it is missing or stale. */
export async function prepareDataset(size: Size, seed: number, cacheRoot: string): Promise<Dataset> {
  const cacheDir = join(cacheRoot, size.name);
  mkdirSync(cacheDir, { recursive: true });
  if (size.relationships === null) {
    const seedsDir = join(PROJECT_ROOT, 'seeds');
    return { size, seedsDir, cacheDir, key: seedKey(seedsDir), origin: 'curated seeds' };
  }
  const generator = await generatorCommand();
  const seedsDir = join(cacheDir, 'seeds');
  const markerFile = join(cacheDir, 'generated.json');
  const wanted = { generator: generator.name, relationships: size.relationships, seed };
  const marker: unknown = existsSync(markerFile) ? JSON.parse(readFileSync(markerFile, 'utf8')) : null;
  if (JSON.stringify(marker) !== JSON.stringify(wanted) || !existsSync(seedsDir)) {
    rmSync(seedsDir, { recursive: true, force: true });
    rmSync(markerFile, { force: true });
    console.log(
      `[${size.name}] generating ${size.relationships} relationships (seed ${seed}) with ${generator.name}`,
    );
    const result = await run('node', [
      ...generator.command,
      '--relationships',
      String(size.relationships),
      '--seed',
      String(seed),
      '--out',
      seedsDir,
    ]);
    if (result.code !== 0) throw new Error(`bench: generating ${size.name} failed:\n${result.output}`);
    console.log(`[${size.name}] generated in ${(result.ms / 1000).toFixed(1)} s`);
    writeFileSync(markerFile, JSON.stringify(wanted));
  }
  return { size, seedsDir, cacheDir, key: seedKey(seedsDir), origin: generator.name };
}
