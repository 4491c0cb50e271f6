import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The example operations GraphiQL opens with, one per file in schema/examples/. */
export const EXAMPLES_DIR = fileURLToPath(new URL('../../schema/examples/', import.meta.url));

export interface Example {
  /** The file name, without .graphql. */
  readonly name: string;
  readonly query: string;
  /** JSON text of the variables, from <name>.variables.json when it exists. */
  readonly variables: string | null;
}

/** Reads every example operation, in file name order. */
export function loadExamples(dir: string = EXAMPLES_DIR): Example[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.graphql$/, '');
      const variablesFile = join(dir, `${name}.variables.json`);
      return {
        name,
        query: readFileSync(join(dir, file), 'utf8'),
        variables: existsSync(variablesFile) ? readFileSync(variablesFile, 'utf8') : null,
      };
    });
}
