import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * The output directory appears whole or not at all: the graph is written into a temporary sibling
 * (`.<name>.generating-<pid>`), which is renamed to the output directory at the end. Renaming within
 * one directory is atomic, so a run that is interrupted, even by SIGKILL, leaves no output directory;
 * its temporary sibling is removed by the next run into the same place.
 */

/** The output directory cannot be used (it holds something, or is a file). A usage error. */
export class OutputDirError extends Error {
  override readonly name = 'OutputDirError';
}

const TEMP_MARK = '.generating-';

function tempPrefix(dir: string): string {
  return `.${basename(dir)}${TEMP_MARK}`;
}

/** False when no process has this id (a leftover of a run that was killed). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, so it may still be writing.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary directories that runs into `dir` left behind when they were killed (their
 * process is gone). Those of runs still going are left alone. Returns the names removed.
 */
export function removeLeftovers(dir: string): string[] {
  const parent = dirname(dir);
  const prefix = tempPrefix(dir);
  if (!existsSync(parent)) return [];
  const removed: string[] = [];
  for (const entry of readdirSync(parent)) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(entry.slice(prefix.length));
    if (!Number.isInteger(pid) || (pid !== process.pid && isAlive(pid))) continue;
    rmSync(join(parent, entry), { recursive: true, force: true });
    removed.push(entry);
  }
  return removed;
}

/**
 * Checks that `dir` can take a generated graph (it does not exist, or is an empty directory), clears
 * leftovers of killed runs, and creates the temporary directory to write into. Throws
 * OutputDirError when `dir` is in the way.
 */
export function prepareOutput(dir: string): { readonly dir: string; readonly temp: string } {
  const out = resolve(dir);
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) throw new OutputDirError(`--out ${dir} exists and is not a directory`);
    if (readdirSync(out).length > 0)
      throw new OutputDirError(`--out ${dir} exists and is not empty; give a new or empty directory`);
  }
  removeLeftovers(out);
  const temp = join(dirname(out), `${tempPrefix(out)}${process.pid}`);
  mkdirSync(temp, { recursive: true });
  return { dir: out, temp };
}

/**
 * Moves the finished graph into place. An empty directory at `dir` is replaced; one that filled up
 * while the graph was written makes this throw (ENOTEMPTY), and the caller discards the graph.
 */
export function commitOutput(temp: string, dir: string): void {
  renameSync(temp, dir);
}

/** Removes the temporary directory of a run that failed or was interrupted. */
export function discardOutput(temp: string): void {
  rmSync(temp, { recursive: true, force: true });
}
