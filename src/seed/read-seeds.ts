import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import { isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { MODEL_HASH } from '../model/model-hash.js';

export const SEED_LISTS = ['nodes', 'edges', 'supplements'] as const;
export type SeedList = (typeof SEED_LISTS)[number];

/** One record of a seed file, still unchecked, with where it was found. */
export interface RawRecord {
  readonly file: string;
  /** The list it sits in: nodes, edges, or supplements (more aliases and evidence for a node defined elsewhere). */
  readonly list: SeedList;
  readonly index: number;
  readonly value: unknown;
  /** 1-based line of one of the record's top-level fields, or of the record when it has no such field. */
  lineOf(field?: string): number;
}

/** A problem found in the seeds: what, and where (file, line, record, field). */
export interface SeedProblem {
  readonly file: string;
  readonly line?: number;
  readonly record?: string;
  readonly field?: string;
  readonly message: string;
}

export function formatProblem(p: SeedProblem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const record = p.record === undefined ? '' : ` record ${p.record}`;
  const field = p.field === undefined ? '' : ` field ${p.field}`;
  return `${where}${record}${field}: ${p.message}`;
}

export interface SeedFiles {
  readonly records: RawRecord[];
  readonly problems: SeedProblem[];
  /** Hash of every seed file's path and content, and of the graph model. */
  readonly hash: string;
  readonly files: string[];
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) return yamlFiles(full);
      return /\.ya?ml$/.test(entry) ? [full] : [];
    });
}

/** Where each record and field of one seed file sits, for messages. */
export interface Positions {
  /** Line of each top-level key. */
  readonly keys: Map<string, number>;
  /** Line of each record and of its fields, by `list:index`. */
  readonly records: Map<string, { line: number; fields: Map<string, number> }>;
}

/**
 * Where each record and field of a file sits. Only needed for messages, so it is worked out only
 * when a message asks: the `yaml` parser keeps positions but reads the seeds several times slower
 * than js-yaml, which reads them for the values.
 */
export function locate(text: string): Positions {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const lineOf = (node: unknown) => {
    const offset = (node as Node | null)?.range?.[0];
    return offset === undefined ? undefined : counter.linePos(offset).line;
  };
  const positions: Positions = { keys: new Map(), records: new Map() };
  if (!isMap(doc.contents)) return positions;
  for (const pair of doc.contents.items) {
    const key = String((pair.key as { value?: unknown } | null)?.value ?? '');
    positions.keys.set(key, lineOf(pair.key) ?? 1);
    if (!isSeq(pair.value)) continue;
    pair.value.items.forEach((item, index) => {
      const fields = new Map<string, number>();
      if (isMap(item)) {
        for (const field of item.items) {
          const line = lineOf(field.key);
          if (line !== undefined)
            fields.set(String((field.key as { value?: unknown } | null)?.value ?? ''), line);
        }
      }
      positions.records.set(`${key}:${index}`, {
        line: lineOf(item) ?? positions.keys.get(key) ?? 1,
        fields,
      });
    });
  }
  return positions;
}

/**
 * The 1-based line of a record's field in a file whose positions are known: the field's own line,
 * else the record's (also when `field` is undefined), else 1.
 */
export function recordLine(positions: Positions, list: SeedList, index: number, field?: string): number {
  const record = positions.records.get(`${list}:${index}`);
  return (field === undefined ? undefined : record?.fields.get(field)) ?? record?.line ?? 1;
}

/** The seed files under a directory, in the order they are read, or why they cannot be listed. */
export interface SeedFileList {
  /** Absolute paths, in path order. */
  readonly paths: string[];
  /** Problems of the directory itself (unreadable, or holding no seed file). */
  readonly problems: SeedProblem[];
  /** False when the directory could not be read at all. */
  readonly readable: boolean;
}

/** Lists every *.yaml file under `dir` (recursively, in path order). */
export function listSeedFiles(dir: string): SeedFileList {
  let paths: string[];
  try {
    paths = yamlFiles(dir);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      paths: [],
      problems: [{ file: dir, message: `cannot read the seeds directory: ${message}` }],
      readable: false,
    };
  }
  return {
    paths,
    readable: true,
    problems: paths.length === 0 ? [{ file: dir, message: 'no seed files (*.yaml) found' }] : [],
  };
}

/** The name a seed file goes by in messages and in the hash: its path from the seeds directory's parent. */
export function seedFileName(dir: string, path: string): string {
  return relative(join(dir, '..'), path).split(sep).join('/');
}

/** One seed file, parsed: its records with their positions, and its problems of form. */
export interface ParsedSeedFile {
  readonly file: string;
  readonly records: RawRecord[];
  readonly problems: SeedProblem[];
}

/**
 * Parses the text of one seed file: a map with any of a `nodes`, an `edges` and a `supplements`
 * list. Returns every record with its position, and every problem of form (not of content).
 */
export function parseSeedFile(file: string, text: string): ParsedSeedFile {
  const problems: SeedProblem[] = [];
  const records: RawRecord[] = [];
  let positions: Positions | undefined;
  const where = () => {
    positions ??= locate(text);
    return positions;
  };
  let root: unknown;
  try {
    // The core schema: no timestamps or other YAML 1.1 surprises, the same reading as `yaml`'s default.
    root = load(text, { schema: CORE_SCHEMA, filename: file, json: false });
  } catch (error) {
    const mark = error instanceof YAMLException ? error.mark : undefined;
    const reason = error instanceof YAMLException ? error.reason : String(error);
    problems.push({ file, ...(mark ? { line: mark.line + 1 } : {}), message: `not valid YAML: ${reason}` });
    return { file, records, problems };
  }
  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    problems.push({ file, line: 1, message: 'expected a map with a nodes, edges and/or supplements list' });
    return { file, records, problems };
  }
  for (const [key, list] of Object.entries(root)) {
    if (!(SEED_LISTS as readonly string[]).includes(key)) {
      problems.push({
        file,
        line: where().keys.get(key) ?? 1,
        message: `unexpected top-level key "${key}" (expected ${SEED_LISTS.join(', ')})`,
      });
      continue;
    }
    if (!Array.isArray(list)) {
      problems.push({ file, line: where().keys.get(key) ?? 1, message: `${key} must be a list of records` });
      continue;
    }
    list.forEach((value: unknown, index) => {
      records.push({
        file,
        list: key as SeedList,
        index,
        value,
        lineOf: (field) => recordLine(where(), key as SeedList, index, field),
      });
    });
  }
  return { file, records, problems };
}

/** The seed hash: every seed file's name and content, in reading order, and the graph model. */
export class SeedHasher {
  private readonly hash = createHash('sha256').update(MODEL_HASH);

  add(file: string, text: string): void {
    this.hash.update(file).update('\0').update(text).update('\0');
  }

  digest(): string {
    return this.hash.digest('hex').slice(0, 32);
  }
}

/**
 * Reads every *.yaml file under `dir` into memory. Each file is a map with any of a `nodes`, an
 * `edges` and a `supplements` list. Returns every record with its position, plus every problem of
 * form (not of content). For seed sets too big to hold at once, see stream-seeds.ts.
 */
export function readSeedFiles(dir: string): SeedFiles {
  const listed = listSeedFiles(dir);
  if (!listed.readable) {
    return { records: [], problems: listed.problems, hash: '', files: [] };
  }
  const problems: SeedProblem[] = [...listed.problems];
  const records: RawRecord[] = [];
  const hash = new SeedHasher();
  const files: string[] = [];
  for (const path of listed.paths) {
    const file = seedFileName(dir, path);
    files.push(file);
    const text = readFileSync(path, 'utf8');
    hash.add(file, text);
    const parsed = parseSeedFile(file, text);
    problems.push(...parsed.problems);
    records.push(...parsed.records);
  }
  return { records, problems, hash: hash.digest(), files };
}
