import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Engine } from './engine.js';
import { CypherTreeError } from './errors.js';

/** One Cypher statement read from `cypher/`, with its header parsed. */
export interface Query {
  /** camelCase name from the header, equal to the file's base name in camelCase. */
  readonly name: string;
  /** Path relative to the cypher/ root, for messages. */
  readonly file: string;
  /** Which engine the text is for, or 'any' for a shared text. */
  readonly variant: Engine | 'any';
  readonly description: string;
  /** Parameter names the header declares, without `$`. */
  readonly params: readonly string[];
  readonly returns: string;
  /** The statement with its header stripped. */
  readonly text: string;
}

/** The queries one engine runs: its own variant where one exists, the shared text otherwise. */
export interface QuerySet {
  readonly engine: Engine;
  /** The query of that name; throws CypherTreeError if the tree has none for this engine. */
  get(name: string): Query;
  has(name: string): boolean;
  /** Fails fast (at start-up) when any of the names has no text for this engine. */
  require(names: readonly string[]): void;
  all(): readonly Query[];
}

/** Where the committed Cypher lives: `cypher/` at the repository root. */
export const CYPHER_ROOT = fileURLToPath(new URL('../../cypher/', import.meta.url));

const FILE_PATTERN = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?:\.(kuzu|neo4j))?\.cypher$/;
const HEADER_PATTERN = /^\/\/\s?(.*)$/;
// `$(` starts a Neo4j dynamic label, not a parameter, so a parameter name must follow `$` directly.
const PARAM_PATTERN = /\$([A-Za-z_][A-Za-z0-9_]*)/g;

function camelCase(kebab: string): string {
  return kebab.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

/** Removes string literals and comments so parameter and `;` scans see only code. */
function codeOnly(text: string): string {
  return text.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`/g, "''").replace(/\/\/[^\n]*/g, '');
}

function parseFile(root: string, path: string, problems: string[]): Query | null {
  const file = relative(root, path).split(sep).join('/');
  const base = path.split(sep).pop() ?? '';
  const match = FILE_PATTERN.exec(base);
  if (!match) {
    if (!base.endsWith('.md')) {
      problems.push(`${file}: expected a name like feature/query-name.cypher or query-name.neo4j.cypher`);
    }
    return null;
  }
  const [, kebab = '', variant] = match;
  const lines = readFileSync(path, 'utf8').split('\n');
  const header: string[] = [];
  let bodyStart = 0;
  for (; bodyStart < lines.length; bodyStart++) {
    const m = HEADER_PATTERN.exec(lines[bodyStart] ?? '');
    if (!m) break;
    header.push(m[1] ?? '');
  }
  const text = lines.slice(bodyStart).join('\n').trim();
  const expected = camelCase(kebab);
  const [first = '', ...rest] = header;
  const nameMatch = /^([A-Za-z0-9]+):\s*(.*)$/.exec(first);
  const fields = new Map<string, string>();
  for (const line of rest) {
    const f = /^(params|returns):\s*(.*)$/.exec(line);
    if (f) fields.set(f[1] ?? '', f[2] ?? '');
  }
  const at = `${file}`;
  if (!nameMatch) {
    problems.push(`${at}: line 1 must be a header "// ${expected}: what it does"`);
    return null;
  }
  const [, name = '', description = ''] = nameMatch;
  if (name !== expected) problems.push(`${at}: header names "${name}" but the file name says "${expected}"`);
  if (!fields.has('params')) problems.push(`${at}: header has no "// params: ..." line`);
  if (!fields.has('returns')) problems.push(`${at}: header has no "// returns: ..." line`);
  if (text === '') problems.push(`${at}: no statement after the header`);
  const code = codeOnly(text);
  const withoutTrailing = code.replace(/;\s*$/, '');
  if (withoutTrailing.includes(';')) problems.push(`${at}: holds more than one statement (one per file)`);

  const declared = [...(fields.get('params') ?? '').matchAll(PARAM_PATTERN)].map((m) => m[1] ?? '');
  const used = new Set([...code.matchAll(PARAM_PATTERN)].map((m) => m[1] ?? ''));
  for (const p of used) {
    if (!declared.includes(p)) problems.push(`${at}: uses $${p} but the header does not declare it`);
  }
  for (const p of declared) {
    if (!used.has(p)) problems.push(`${at}: header declares $${p} but the statement does not use it`);
  }
  return {
    name,
    file,
    variant: (variant as Engine | undefined) ?? 'any',
    description,
    params: declared,
    returns: fields.get('returns') ?? '',
    text: text.replace(/;\s*$/, ''),
  };
}

/** Every query file in the tree, parsed, with all problems found (not only the first). */
export function readCypherTree(root: string = CYPHER_ROOT): { queries: Query[]; problems: string[] } {
  const problems: string[] = [];
  const queries: Query[] = [];
  for (const path of walk(root)) {
    const q = parseFile(root, path, problems);
    if (q) queries.push(q);
  }
  const seen = new Map<string, string>();
  for (const q of queries) {
    const key = `${q.name}.${q.variant}`;
    const other = seen.get(key);
    if (other) problems.push(`${q.file}: query ${q.name} (${q.variant}) is also defined in ${other}`);
    seen.set(key, q.file);
  }
  return { queries, problems };
}

/**
 * Reads the Cypher tree once and picks each query's text for one engine.
 * Throws CypherTreeError listing every problem when the tree is broken, so a bad tree stops start-up.
 */
export function loadQueries(engine: Engine, root: string = CYPHER_ROOT): QuerySet {
  const { queries, problems } = readCypherTree(root);
  if (problems.length > 0) throw new CypherTreeError(problems);
  const chosen = new Map<string, Query>();
  for (const q of queries) {
    if (q.variant === engine || (q.variant === 'any' && !chosen.has(q.name))) chosen.set(q.name, q);
  }
  return {
    engine,
    get(name) {
      const q = chosen.get(name);
      if (!q) throw new CypherTreeError([`no Cypher for query ${name} on ${engine}`]);
      return q;
    },
    has: (name) => chosen.has(name),
    require(names) {
      const missing = names.filter((n) => !chosen.has(n));
      if (missing.length > 0) {
        throw new CypherTreeError(missing.map((n) => `no Cypher for query ${n} on ${engine} in cypher/`));
      }
    },
    all: () => [...chosen.values()],
  };
}
