import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

/**
 * The embedded store's directory. It holds one or more Kuzu database files (each with its .wal and
 * .shadow beside it) and a pointer file, CURRENT, naming the one the store serves. A bulk load
 * builds its graph in a new database file and then rewrites CURRENT by rename, which is atomic: a
 * reader of the directory finds either the old graph or the new one, never a mix, and a load killed
 * at any point leaves CURRENT naming a complete database. Files CURRENT does not name are leftovers
 * of such a load (or the graph a switch replaced) and are removed by the next process that opens
 * the store.
 */

/** The database a store without a pointer file uses (every store made before bulk loads existed). */
export const LEGACY_DATABASE = 'hlp.kuzu';
const POINTER = 'CURRENT';
/** Database files this module made or may remove: hlp.kuzu, or hlp-<time>-<random>.kuzu. */
const DATABASE_NAME = /^hlp(?:-[0-9]+-[0-9a-f]+)?\.kuzu$/;
/** Everything that belongs to a database: the file itself, Kuzu's .wal and .shadow, our .copy folder. */
const BELONGS = /^(hlp(?:-[0-9]+-[0-9a-f]+)?\.kuzu)(?:\..+)?$/;

/** The name of the database file the store serves: CURRENT's content, or hlp.kuzu without one. */
export function currentDatabase(dataDir: string): string {
  let name: string;
  try {
    name = readFileSync(join(dataDir, POINTER), 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return LEGACY_DATABASE;
    throw error;
  }
  // Only ever a name this module wrote: a pointer to anything else would make cleanup delete it.
  if (!DATABASE_NAME.test(name))
    throw new Error(`${join(dataDir, POINTER)} names "${name}", not a database of this store`);
  return name;
}

/** A fresh database file name, sorting after every earlier one. */
export function newDatabaseName(): string {
  return `hlp-${Date.now()}-${randomBytes(4).toString('hex')}.kuzu`;
}

/** The folder a bulk load of database `name` writes its COPY files into (removed with the database). */
export function copyFolder(dataDir: string, name: string): string {
  return join(dataDir, `${name}.copy`);
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Makes `name` the database the store serves. Writes a new pointer beside the old one, flushes it,
 * and renames it over the old one: rename is atomic, so a crash leaves one pointer or the other,
 * each naming a complete database. The directory is flushed too, so the rename survives a power cut.
 * Throws only when the switch has not happened.
 */
export function switchCurrent(dataDir: string, name: string): void {
  if (!DATABASE_NAME.test(name)) throw new Error(`not a database name of this store: ${name}`);
  const temporary = join(dataDir, `${POINTER}.${randomBytes(4).toString('hex')}.tmp`);
  writeFileSync(temporary, `${name}\n`);
  fsyncPath(temporary);
  renameSync(temporary, join(dataDir, POINTER));
  try {
    fsyncPath(dataDir);
  } catch {
    // The switch has happened (the rename is visible): it must not be reported as failed, or the
    // caller would remove the database the pointer now names. Only its durability is in doubt.
  }
}

/** Removes a database and everything that belongs to it (its .wal, .shadow, .copy folder). */
export function removeDatabase(dataDir: string, name: string): void {
  for (const entry of readdirSync(dataDir)) {
    if (BELONGS.exec(entry)?.[1] === name) rmSync(join(dataDir, entry), { recursive: true, force: true });
  }
}

/**
 * Removes every database file (and its companions) other than `keep`, and stray pointer files: what
 * loads killed half-way and switches interrupted before their cleanup left. Only the process that
 * holds `keep` open may call this (Kuzu's lock on it says no other process is loading here).
 * Returns the names removed.
 */
export function removeStale(dataDir: string, keep: string): string[] {
  const removed = new Set<string>();
  for (const entry of readdirSync(dataDir)) {
    const owner = BELONGS.exec(entry)?.[1];
    if (entry === `${keep}.copy`) {
      rmSync(join(dataDir, entry), { recursive: true, force: true });
    } else if (owner !== undefined && owner !== keep) {
      rmSync(join(dataDir, entry), { recursive: true, force: true });
      removed.add(owner);
    } else if (entry.startsWith(`${POINTER}.`) && entry.endsWith('.tmp')) {
      rmSync(join(dataDir, entry), { force: true });
    }
  }
  return [...removed];
}
