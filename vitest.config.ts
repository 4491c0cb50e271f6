import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module) entries. Node loads the CJS one for Pothos and
    // Yoga; Vite would give our sources the ESM one, and two graphql instances cannot share a schema.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: [
      'tests/support/temp-global-setup.ts',
      'tests/support/explorer-global-setup.ts',
      'tests/support/neo4j-global-setup.ts',
    ],
    // One Neo4j test server is shared by every suite and Kuzu stores are heavy native objects:
    // test files run one after another; tests inside a file stay sequential too.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
