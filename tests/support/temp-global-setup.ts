import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * One temporary folder for the whole run, removed at its end: every test's data directory, seed
 * set and spool goes inside it (tempDir in env.ts). Left in the system's temporary folder, the
 * stores of the test runs on one machine had grown to 56 GB and filled its disk.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'hlp-test-run-'));
  process.env['HLP_TEST_TMP'] = root;
  return () => rmSync(root, { recursive: true, force: true });
}
