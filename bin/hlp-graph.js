#!/usr/bin/env node
// The hlp-graph command. The sources are TypeScript run through tsx, so there is no build step.
import { register } from 'tsx/esm/api';

register();
const { main, report } = await import('../src/cli.ts');
let code = 1;
try {
  code = await main(process.argv.slice(2));
} catch (error) {
  report(error);
}
// Exit now rather than when the last handle closes: a socket to a Neo4j that stopped answering
// must not keep a finished command alive. Output written to a pipe is flushed first.
const flushed = (stream) => new Promise((resolve) => stream.write('', () => resolve()));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
