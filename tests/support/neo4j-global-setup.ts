import type { TestProject } from 'vitest/node';
import { buildServer, missingTools, startServer, type TestServer } from './neo4j-server.js';

let server: TestServer | undefined;

function say(line: string): void {
  process.stdout.write(`[neo4j] ${line}\n`);
}

/**
 * Starts one Neo4j 5.26 test server for the whole run when Java and Maven are present (and
 * HLP_TEST_NEO4J is not 0), and points the engine-parametrised suites at it through NEO4J_URI.
 * Without them the run goes on with Kuzu only, and says so.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const engines = (list: string) => {
    project.provide('engines', list);
    say(`engines under test: ${list}`);
  };
  if (process.env['NEO4J_URI']) {
    say(`using the Neo4j server at ${process.env['NEO4J_URI']} (NEO4J_URI is set)`);
    engines('kuzu, neo4j');
    return async () => undefined;
  }
  if (process.env['HLP_TEST_NEO4J'] === '0') {
    say('Neo4j suites skipped: HLP_TEST_NEO4J=0');
    engines('kuzu');
    return async () => undefined;
  }
  const missing = missingTools();
  if (missing) {
    say(`Neo4j suites skipped: ${missing} (install Java 17 and Maven to run them)`);
    engines('kuzu');
    return async () => undefined;
  }
  const buildMs = buildServer();
  say(
    buildMs === 0
      ? 'test server build is up to date (target/)'
      : `built the test server in ${(buildMs / 1000).toFixed(1)} s`,
  );
  server = await startServer();
  say(`Neo4j 5.26 test server ready at ${server.uri} after ${(server.startMs / 1000).toFixed(1)} s`);
  process.env['NEO4J_URI'] = server.uri;
  process.env['NEO4J_USER'] = 'neo4j';
  process.env['NEO4J_PASSWORD'] = '';
  process.env['NEO4J_DATABASE'] = 'neo4j';
  engines('kuzu, neo4j');
  return async () => {
    await server?.stop();
    say('test server stopped');
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    engines: string;
  }
}
