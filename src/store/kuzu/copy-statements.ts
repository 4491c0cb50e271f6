import { z } from 'zod';
import {
  type EdgeKind,
  edgeProps,
  type NodeKind,
  nodeProps,
  type PropSpecs,
} from '../../model/graph-model.js';
import { kuzuFromText } from '../generated-cypher.js';
import { COPY_NULL, type CopyFile } from './copy-files.js';

/**
 * Kuzu's COPY statements for a bulk load, built from the model like the generated write
 * statements (so new properties need nothing here). They are built in code, not kept in cypher/,
 * because COPY takes its file as a literal: Kuzu 0.11.3 accepts no parameter there. The file is a
 * path this store made under its data directory, written as an escaped string literal.
 */

// Worked out once per kind: a bulk load asks for every record it writes.
const nodeColumns = new Map<NodeKind, readonly string[]>();
const edgeColumns = new Map<EdgeKind, readonly string[]>();

/** The columns of a node kind's COPY file, in the order of its table's columns. */
export function nodeCopyColumns(kind: NodeKind): readonly string[] {
  let columns = nodeColumns.get(kind);
  if (!columns) {
    columns = Object.keys(nodeProps(kind));
    nodeColumns.set(kind, columns);
  }
  return columns;
}

/** The columns of a relationship kind's COPY file: its ends' ids, then its table's columns in order. */
export function edgeCopyColumns(kind: EdgeKind): readonly string[] {
  let columns = edgeColumns.get(kind);
  if (!columns) {
    columns = ['from', 'to', ...Object.keys(edgeProps(kind))];
    edgeColumns.set(kind, columns);
  }
  return columns;
}

/** A Cypher string literal: backslashes and quotes escaped. */
function literal(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const column = (name: string) => `\`${name}\``;

/**
 * LOAD FROM a COPY file with every column as text, returning each property converted to its type,
 * in table order: COPY FROM a subquery maps columns by position, not by name.
 */
function loadFrom(file: CopyFile, props: PropSpecs, ends: readonly string[]): string {
  const headers = file.columns.map((name) => `${column(name)} STRING`).join(', ');
  const options = [
    'header=true',
    `null_strings=[${literal(COPY_NULL)}]`,
    // Kuzu's parallel CSV reader refuses a quoted line break.
    ...(file.multiline ? ['parallel=false'] : []),
  ].join(', ');
  const values = [
    ...ends.map(column),
    ...Object.entries(props).map(
      ([name, spec]) => `${kuzuFromText(column(name), spec.type)} AS ${column(name)}`,
    ),
  ].join(', ');
  return `LOAD WITH HEADERS (${headers}) FROM ${literal(file.path)} (${options}) RETURN ${values}`;
}

/** Copies a node kind's file into its table. */
export function copyNodesStatement(kind: NodeKind, file: CopyFile): string {
  return `COPY ${kind} FROM (${loadFrom(file, nodeProps(kind), [])})`;
}

/**
 * Copies the relationships of one kind between nodes of kinds `from` and `to` into the kind's
 * table. A table with several endpoint pairs takes one COPY per pair, naming it.
 */
export function copyEdgesStatement(kind: EdgeKind, from: NodeKind, to: NodeKind, file: CopyFile): string {
  return `COPY ${kind} FROM (${loadFrom(file, edgeProps(kind), ['from', 'to'])}) (from=${literal(from)}, to=${literal(to)})`;
}

const copyResult = z.object({ result: z.string() });

/** The number of rows a COPY reports it copied ("N tuples have been copied to the T table."), or null. */
export function copiedRows(rows: readonly Readonly<Record<string, unknown>>[]): number | null {
  const parsed = copyResult.safeParse(rows[0]);
  const match = parsed.success ? /^(\d+) tuples have been copied/.exec(parsed.data.result) : null;
  return match ? Number(match[1]) : null;
}
