import type { Params } from '../executor.js';

/**
 * Several read statements of one request sent to Neo4j as one. A request starts its statements a
 * level at a time: the sibling fields of one level (a programme's funders, outcomes and parts, and
 * the programme itself when `node(id:)` starts its fields' reads early) each have a statement of
 * their own, all started in the same tick. Pipelined in one transaction they still cost Neo4j and
 * the driver a statement each; as one statement they cost one. Measured on the 100k graph, the four
 * statements of one programme with its funders, outcomes and parts: 3.29 ms pipelined, 2.01 ms as
 * one (p50 of 550 interleaved pairs through the driver).
 *
 * Each statement runs unchanged inside a `CALL () { … }` subquery of its own, its parameters renamed
 * apart, and an enclosing subquery collects its rows into one list column, each row a list of its
 * columns in order:
 *
 *     CALL () { CALL () { <first statement> } RETURN collect([id, name]) AS hlp_batch_0 }
 *     CALL () { CALL () { <second statement> } RETURN collect([parent, total, n_id]) AS hlp_batch_1 }
 *     RETURN hlp_batch_0, hlp_batch_1
 *
 * A subquery sees nothing of the statements before it (`CALL ()` imports no variable), and the
 * enclosing subquery aggregates with no grouping key, so it yields its one row even when the
 * statement yields none: each statement gets exactly the rows it gets alone, in its own order.
 * Composing needs each statement's column names, which Neo4j reports when it runs the statement
 * alone: a statement is batched once it has been seen (see `StatementShapes`).
 */
export interface BatchPart {
  readonly text: string;
  readonly params: Params;
  readonly columns: readonly string[];
  /**
   * A parameter that takes an earlier part's values: column `index` of part `part`'s rows (its first
   * `keep` rows when not null), computed inside the statement rather than sent.
   */
  readonly link?: {
    readonly part: number;
    readonly index: number;
    readonly param: string;
    readonly keep: number | null;
  };
}

const PARAMETER = /\$([A-Za-z_][A-Za-z0-9_]*)/g;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The column that carries part `i`'s rows. */
const listColumn = (i: number) => `hlp_batch_${i}`;

/** The variable that holds part `i`'s linked values inside the statement. */
const linkVariable = (i: number) => `hlp_link_${i}`;

/** Part `i`'s name for parameter `name`: each part's parameters are renamed apart. */
const partParameter = (i: number, name: string) => `p${i}_${name}`;

/** Whether a statement can go in a batch: columns it can name in Cypher without quoting. */
export function batchable(columns: readonly string[]): boolean {
  return columns.length > 0 && columns.every((c) => IDENTIFIER.test(c) && !c.startsWith('hlp_batch_'));
}

/** One statement and its parameters from several (at least two), in the order given. */
export function composeBatch(parts: readonly BatchPart[]): { text: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  const clauses: string[] = [];
  parts.forEach((part, i) => {
    const link = part.link;
    if (link && !(link.part < i))
      throw new Error(`part ${i} links to part ${link.part}, which does not come before it`);
    for (const [name, value] of Object.entries(part.params))
      if (name !== link?.param) params[partParameter(i, name)] = value;
    const text = part.text.replace(PARAMETER, (_, name: string) =>
      name === link?.param ? linkVariable(i) : `$${partParameter(i, name)}`,
    );
    const collected = `RETURN collect([${part.columns.join(', ')}]) AS ${listColumn(i)}`;
    if (!link) {
      clauses.push(`CALL () {\nCALL () {\n${text.trim()}\n}\n${collected}\n}`);
      return;
    }
    // The linked values: a list comprehension over the earlier part's collected rows, cut to its
    // first rows by a parameter (a page's extra row is no parent), so the text stays one text.
    let rows = listColumn(link.part);
    if (link.keep !== null) {
      params[partParameter(i, 'hlp_keep')] = link.keep;
      rows = `${rows}[0..$${partParameter(i, 'hlp_keep')}]`;
    }
    clauses.push(
      `CALL (${listColumn(link.part)}) {\nWITH [hlp_row IN ${rows} | hlp_row[${link.index}]] AS ${linkVariable(i)}\nCALL (${linkVariable(i)}) {\n${text.trim()}\n}\n${collected}\n}`,
    );
  });
  clauses.push(`RETURN ${parts.map((_, i) => listColumn(i)).join(', ')}`);
  return { text: clauses.join('\n'), params };
}

/** Part `i`'s rows from the batch's one record (`get` reads a column by name), as `columns` name them. */
export function partRows(
  get: (column: string) => unknown,
  i: number,
  columns: readonly string[],
  plain: (value: unknown) => unknown,
): Record<string, unknown>[] {
  const lists = get(listColumn(i));
  if (!Array.isArray(lists)) throw new Error(`the batch's column ${listColumn(i)} is not a list`);
  return lists.map((values: unknown) => {
    if (!Array.isArray(values) || values.length !== columns.length)
      throw new Error(`a row of the batch's column ${listColumn(i)} is not ${columns.length} values`);
    const row: Record<string, unknown> = {};
    for (let c = 0; c < columns.length; c++) row[columns[c] as string] = plain(values[c]);
    return row;
  });
}

/**
 * Rows above which a statement stays out of batches by default (HLP_NEO4J_BATCH_MAX_ROWS): a batch
 * holds each statement's rows in one list until its one record is sent, where a statement alone
 * streams them. Pages hold a few hundred rows; reads of whole kinds (the search index's names) hold
 * thousands and go alone.
 */
export const MAX_BATCH_ROWS = 2000;

/**
 * What the statements run so far showed, by statement name: their column names (the same text
 * always returns the same columns) and whether one ever returned more than `maxRows` rows.
 * Learnt when a statement runs: one that has returned no row yet stays unbatched until it does.
 */
export class StatementShapes {
  private readonly columns = new Map<string, readonly string[]>();
  private readonly large = new Set<string>();

  constructor(private readonly maxRows: number = MAX_BATCH_ROWS) {}

  /** The columns of statement `name` if it may go in a batch, else undefined. */
  batchColumns(name: string): readonly string[] | undefined {
    return this.large.has(name) ? undefined : this.columns.get(name);
  }

  /** Records a run of statement `name`: its columns (when it returned a row) and its row count. */
  saw(name: string, columns: readonly PropertyKey[] | undefined, rows: number): void {
    if (rows > this.maxRows) this.large.add(name);
    if (this.columns.has(name) || !columns || columns.length === 0) return;
    const names = columns.map(String);
    if (batchable(names)) this.columns.set(name, names);
  }
}
