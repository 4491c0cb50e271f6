import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';
import { ROOT } from './env.js';

const SCHEMA_DIR = join(ROOT, 'tests/fixtures/gexf-1.3');

function schemaFile(name: string): XMLFileInfo {
  return { fileName: name, contents: readFileSync(join(SCHEMA_DIR, name), 'utf8') };
}

/** What libxml2 said of a document: valid or not, and each error as it wrote it (line numbers included). */
export interface SchemaVerdict {
  readonly valid: boolean;
  readonly errors: readonly string[];
}

/**
 * Validates a document against the official GEXF 1.3 XML Schema (tests/fixtures/gexf-1.3, from
 * gephi/gexf), with libxml2's xmllint compiled to wasm: the check `xmllint --schema gexf.xsd` that
 * the GEXF maintainers document, with no native tool to install.
 */
export async function validateGexf13(text: string, fileName = 'export.gexf'): Promise<SchemaVerdict> {
  const result = await validateXML({
    xml: [{ fileName, contents: text }],
    schema: [schemaFile('gexf.xsd')],
    // gexf.xsd includes dynamics.xsd and imports viz.xsd; xmllint-wasm reads nothing from disk.
    preload: [schemaFile('dynamics.xsd'), schemaFile('viz.xsd')],
    // The real graph's export is a few MB; the default 32 MiB of wasm memory is tight for its tree.
    maxMemoryPages: 16_384,
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}
