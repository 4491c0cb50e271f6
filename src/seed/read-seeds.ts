import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
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
  /** 1-based line of the record, and of each of its top-level fields. */
  readonly line: number;
  readonly fieldLines: ReadonlyMap<string, number>;
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

function lineOf(node: Node | null | undefined, counter: LineCounter): number | undefined {
  const offset = node?.range?.[0];
  return offset === undefined ? undefined : counter.linePos(offset).line;
}

/**
 * Reads every *.yaml file under `dir`. Each file is a map with any of a `nodes`, an `edges` and a
 * `supplements` list. Returns every record with its position, plus every problem of form (not of content).
 */
export function readSeedFiles(dir: string): SeedFiles {
  const problems: SeedProblem[] = [];
  const records: RawRecord[] = [];
  const hash = createHash('sha256').update(MODEL_HASH);
  let paths: string[];
  try {
    paths = yamlFiles(dir);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      records,
      problems: [{ file: dir, message: `cannot read the seeds directory: ${message}` }],
      hash: '',
      files: [],
    };
  }
  if (paths.length === 0) problems.push({ file: dir, message: 'no seed files (*.yaml) found' });
  const files: string[] = [];
  for (const path of paths) {
    const file = relative(join(dir, '..'), path).split(sep).join('/');
    files.push(file);
    const text = readFileSync(path, 'utf8');
    hash.update(file).update('\0').update(text).update('\0');
    const counter = new LineCounter();
    const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const at = e.linePos?.[0]?.line;
        problems.push({
          file,
          ...(at ? { line: at } : {}),
          message: `not valid YAML: ${e.message.split('\n')[0]}`,
        });
      }
      continue;
    }
    const root = doc.contents;
    if (!isMap(root)) {
      problems.push({ file, line: 1, message: 'expected a map with a nodes and/or edges list' });
      continue;
    }
    for (const pair of root.items) {
      const key = String((pair.key as { value?: unknown } | null)?.value ?? '');
      const line = lineOf(pair.key as Node, counter) ?? 1;
      if (!(SEED_LISTS as readonly string[]).includes(key)) {
        problems.push({
          file,
          line,
          message: `unexpected top-level key "${key}" (expected ${SEED_LISTS.join(', ')})`,
        });
        continue;
      }
      if (!isSeq(pair.value)) {
        problems.push({ file, line, message: `${key} must be a list of records` });
        continue;
      }
      pair.value.items.forEach((item, index) => {
        const fieldLines = new Map<string, number>();
        if (isMap(item)) {
          for (const field of item.items) {
            const name = String((field.key as { value?: unknown } | null)?.value ?? '');
            const fieldLine = lineOf(field.key as Node, counter);
            if (fieldLine !== undefined) fieldLines.set(name, fieldLine);
          }
        }
        records.push({
          file,
          list: key as SeedList,
          index,
          value: (item as Node | null)?.toJSON() ?? null,
          line: lineOf(item as Node, counter) ?? line,
          fieldLines,
        });
      });
    }
  }
  return { records, problems, hash: hash.digest('hex').slice(0, 32), files };
}
