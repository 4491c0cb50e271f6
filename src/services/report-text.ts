import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { maskPersonalData } from '../model/personal-data.js';

/**
 * A report's text cannot be served: the sources folder or the file is missing or unreadable. The
 * message names the file and the folder by its setting (HLP_SOURCES_DIR) and is safe to serve: the
 * API's errors carry no server path (README, Errors). `sourcesDir` is the path, for the log.
 */
export class SourcesUnavailableError extends Error {
  readonly code = 'SOURCES_UNAVAILABLE';
  readonly sourcesDir: string;
  constructor(message: string, sourcesDir: string) {
    super(message);
    this.name = 'SourcesUnavailableError';
    this.sourcesDir = sourcesDir;
  }
}

// A report's source is a bare file name (004_9bafb96c93e2c09d.txt). Anything with a separator or a
// leading dot could reach outside the sources folder, whoever wrote it into the store.
const PLAIN_FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

// The masked lines of each file read so far, by path, for the life of the process: the reports do not
// change while the service runs, and a viewer asks for the same few again and again. A failed read is
// not kept, so a sources folder mounted later is found on the next request.
const cache = new Map<string, Promise<readonly string[]>>();

/**
 * The lines of the report file `source` in `sourcesDir`, numbered as evidence locators number them
 * (line n is element n - 1; a newline at the end of the file starts no further line), with every email
 * address and phone number masked. Each file is read once per process. Throws
 * SourcesUnavailableError, naming the file and the folder's setting, when `source` is not a plain file name or
 * the folder or the file is missing or unreadable.
 */
export function reportLines(sourcesDir: string, source: string): Promise<readonly string[]> {
  if (!PLAIN_FILE_NAME.test(source)) {
    return Promise.reject(
      new SourcesUnavailableError(
        `the report source ${JSON.stringify(source)} is not a plain file name, so it is not read`,
        sourcesDir,
      ),
    );
  }
  const path = join(sourcesDir, source);
  const cached = cache.get(path);
  if (cached) return cached;
  const lines = readLines(sourcesDir, source, path);
  cache.set(path, lines);
  lines.catch(() => {
    if (cache.get(path) === lines) cache.delete(path);
  });
  return lines;
}

async function readLines(sourcesDir: string, source: string, path: string): Promise<readonly string[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new SourcesUnavailableError(await whyUnreadable(sourcesDir, source, error), sourcesDir);
  }
  const lines = text.split(/\r?\n/);
  if (text.endsWith('\n')) lines.pop();
  return lines.map(maskPersonalData);
}

/** Says whether the folder or only the file is missing, so whoever runs the service knows what to mount. */
async function whyUnreadable(sourcesDir: string, source: string, error: unknown): Promise<string> {
  const folder = await stat(sourcesDir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!folder)
    return `the text of report ${source} is unavailable: the sources folder (HLP_SOURCES_DIR) does not exist`;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT'
    ? `the text of report ${source} is unavailable: ${source} is not in the sources folder (HLP_SOURCES_DIR)`
    : `the text of report ${source} is unavailable: ${source} in the sources folder (HLP_SOURCES_DIR) could not be read (${code ?? 'unknown error'})`;
}
