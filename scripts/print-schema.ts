/**
 * Prints the GraphQL schema to schema/schema.graphql, or with --check fails (exit 1) when the
 * committed file differs from what the code builds.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { schema } from '../src/schema/index.js';

const path = new URL('../schema/schema.graphql', import.meta.url);
const printed = `${printSchema(schema)}\n`;

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(path, 'utf8');
  } catch {
    // A missing file is out of date like any other.
  }
  if (committed !== printed) {
    console.error(
      'schema/schema.graphql is out of date with the code: run npm run schema:print and commit it',
    );
    process.exit(1);
  }
  console.log('schema/schema.graphql is up to date');
} else {
  writeFileSync(path, printed);
  console.log('wrote schema/schema.graphql');
}
