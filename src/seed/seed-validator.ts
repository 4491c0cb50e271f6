import type { NodeKind } from '../model/graph-model.js';
import {
  EDGE_CHECKS,
  FORM_CHECKS,
  NODE_CHECKS,
  runChecks,
  SET_CHECKS,
  SUPPLEMENT_CHECKS,
} from './checks/check-table.js';
import { ordersApart } from './checks/conflict-groups.js';
import { CHECK, type Finding, type Order, type Problems, type RecordAt } from './checks/finding.js';
import type { RecordInHand } from './checks/in-hand.js';
import { kindIn, SeedIndex } from './checks/seed-index.js';
import { detach } from './detach.js';
import type { ParsedSeedFile, RawRecord, SeedList, SeedProblem } from './read-seeds.js';
import type { SeedEdge, SeedEvidence, SeedNode } from './seed-schema.js';

export type { RecordAt } from './checks/finding.js';

/** The line of a field of a record in one file (of the record itself when the field is not given). */
export type FileLines = (list: SeedList, index: number, field?: string) => number;

/** Receives every node and relationship record that parsed, in reading order, as validation goes. */
export interface SeedRecordSink {
  node(record: SeedNode): void;
  /** `id` is the record's own id, or the one derived from its facts. */
  edge(record: SeedEdge, id: string): void;
}

/** What turning a record into a stored one needs to know about the rest of the seeds. */
export interface SeedFacts {
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** The kind of the node with this id; undefined when there is none. */
  kindOf(id: string): NodeKind | undefined;
  /** A figure's status: conflicting or corroborated when it is in a conflict group, single otherwise. */
  figureStatus(conflictGroup: unknown): string;
  /** How many powers of ten lie between the lowest and highest figure of its group (0 when none). */
  ordersApart(conflictGroup: unknown): number;
  /** Whether other FUNDS lines are shares of this one, which makes it a total. */
  isBrokenDown(edgeId: string): boolean;
  /** The aliases and evidence that supplements add to a node, in reading order; undefined when none do. */
  supplementOf(id: string): Supplement | undefined;
  /** The period of the report with this source file; undefined when it has none. */
  reportPeriodOf(source: string): string | undefined;
}

export interface Supplement {
  readonly aliases: readonly string[];
  readonly evidence: readonly SeedEvidence[];
}

export interface ValidationResult {
  /** Every problem, in a stable order (by kind of check, then reading order); empty when the seeds are valid. */
  readonly problems: SeedProblem[];
  /** Only meaningful when there are no problems. */
  readonly facts: SeedFacts;
}

/** The id a relationship gets when its seed record gives none: stable as long as the facts are. */
export function derivedEdgeId(edge: SeedEdge): string {
  const parts = [edge.kind.toLowerCase(), edge.from, edge.to];
  if (typeof edge['period'] === 'string') parts.push(edge['period']);
  if (typeof edge['fundingKind'] === 'string') parts.push(edge['fundingKind']);
  return parts.join(':');
}

/**
 * Lines of a file's records from the records themselves, for seed files held in memory (each
 * RawRecord knows its own lines).
 */
export function linesFromRecords(records: readonly RawRecord[]): () => FileLines {
  return () => {
    const byKey = new Map(records.map((r) => [`${r.list}:${r.index}`, r]));
    return (list, index, field) => byKey.get(`${list}:${index}`)?.lineOf(field) ?? 1;
  };
}

/** A problem as found: one of the seed directory's own (file and line known), or a check's finding. */
type Found = Finding | { readonly order: Order; readonly given: SeedProblem };

const byOrder = (a: Found, b: Found) =>
  a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2] - b.order[2];

function labelOf(raw: RawRecord): string {
  const value = raw.value as { id?: unknown } | null;
  return typeof value?.id === 'string' ? value.id : `#${raw.index + 1} of ${raw.list}`;
}

/**
 * Checks seed records file by file, running the checks of checks/check-table.ts: those of each
 * record as it is read, then those across records once every file has been. Only what the checks
 * across records need is kept (see SeedIndex); the records go to the sink (if any), so a seed set of
 * any size is checked in memory proportional to its ids, not to its content.
 *
 * The checks and messages are those of a check over the whole set at once: types and required
 * fields, personal data, duplicate ids, relationships whose endpoints are missing or of kinds the
 * model does not allow, evidence that cites no known report, supplements of missing nodes, conflict
 * groups and breakdowns.
 */
export class SeedValidator {
  private readonly files: { name: string; lines: () => FileLines }[] = [];
  private readonly found: Found[] = [];
  private readonly problems: Problems = { add: (finding) => this.found.push(finding) };
  private readonly seeds = new SeedIndex();
  private formSeq = 0;
  private recordSeq = 0;
  private nodeSeq = 0;
  private supplementSeq = 0;
  private edgeSeq = 0;

  constructor(private readonly sink?: SeedRecordSink) {}

  /** Problems of the seed directory itself, reported before any file's. */
  addProblems(problems: readonly SeedProblem[]): void {
    for (const given of problems) this.found.push({ order: [CHECK.form, this.formSeq++, 0], given });
  }

  /**
   * Checks one file's records, in reading order. `lines` gives the lines of the file's records
   * again, for problems only found after the file is gone (called only when there is one).
   */
  addFile(parsed: ParsedSeedFile, lines: () => FileLines): void {
    const file = this.files.length;
    this.files.push({ name: parsed.file, lines });
    this.addProblems(parsed.problems);
    for (const raw of parsed.records) this.addRecord(raw, file);
  }

  /** A record as the checks of its form take it: where it sits, and how it reports its problems. */
  private inHand(raw: RawRecord, file: number): RecordInHand {
    const seq = this.recordSeq++;
    const at: RecordAt = { file, list: raw.list, index: raw.index };
    const label = labelOf(raw);
    let step = 0;
    return {
      raw,
      at,
      label,
      problem: (lineField, field, message) =>
        this.found.push({
          order: [CHECK.record, seq, step++],
          at,
          lineField,
          record: label,
          ...(field === undefined ? {} : { field }),
          message,
        }),
    };
  }

  /** Runs the checks of one record's form, then those of its list; hands what passes to the sink. */
  private addRecord(raw: RawRecord, file: number): void {
    const record = this.inHand(raw, file);
    const { at } = record;
    const { seeds, problems } = this;
    if (!runChecks(FORM_CHECKS, record, seeds, problems) || !record.parsed) return;
    const parsed = record.parsed;
    if (parsed.list === 'supplements') {
      runChecks(SUPPLEMENT_CHECKS, { record: parsed.record, at, seq: this.supplementSeq++ }, seeds, problems);
    } else if (parsed.list === 'nodes') {
      const node = parsed.record;
      const n = seeds.intern(node.id);
      const inHand = { record: node, at, seq: this.nodeSeq++, n, label: seeds.idNames[n] ?? node.id };
      if (runChecks(NODE_CHECKS, inHand, seeds, problems)) this.sink?.node(node);
    } else {
      const edge = parsed.record;
      // A derived id is a new string already; a given one is a slice of the file.
      const id = edge.id === undefined ? derivedEdgeId(edge) : detach(edge.id);
      const inHand = { record: edge, at, seq: this.edgeSeq++, id };
      if (runChecks(EDGE_CHECKS, inHand, seeds, problems)) this.sink?.edge(edge, id);
    }
  }

  /**
   * Runs the checks that need every record, and returns every problem found, in order, with its
   * line. Call once, after the last file.
   */
  finish(): ValidationResult {
    for (const { check } of SET_CHECKS) check(this.seeds, this.problems);
    return { problems: this.resolve(), facts: this.facts() };
  }

  /**
   * What a load needs of the index, and only that: the closures hold these parts, not the index,
   * so what only validation needs (every relationship's id, ends and place: about 130 MB at a
   * million relationships) is garbage once validation is done, not live for the whole load.
   */
  private facts(): SeedFacts {
    const { ids, idKind, groups, brokenDown, supplements, reportPeriods, nodeCount } = this.seeds;
    const edgeCount = this.seeds.edgeIdList.length;
    const groupOf = (name: unknown) => (typeof name === 'string' ? groups.get(name) : undefined);
    return {
      nodeCount,
      edgeCount,
      kindOf: (id) => {
        const n = ids.get(id);
        return n === undefined ? undefined : kindIn(idKind, n);
      },
      figureStatus: (group) => groupOf(group)?.status ?? 'single',
      isBrokenDown: (id) => brokenDown.has(id),
      ordersApart: (group) => ordersApart(groupOf(group)),
      supplementOf: (id) => supplements.get(id),
      reportPeriodOf: (source) => reportPeriods.get(source),
    };
  }

  /** Orders the problems and works out their lines, reading each file with a problem once more at most. */
  private resolve(): SeedProblem[] {
    const finders = new Map<number, FileLines>();
    const lineOf = (at: RecordAt, field?: string) => {
      let finder = finders.get(at.file);
      if (!finder) {
        finder = this.files[at.file]?.lines() ?? (() => 1);
        finders.set(at.file, finder);
      }
      return finder(at.list, at.index, field);
    };
    const placeOf = (at: RecordAt, field?: string) => `${this.files[at.file]?.name}:${lineOf(at, field)}`;
    return this.found.sort(byOrder).map((f) => {
      const p =
        'given' in f
          ? f.given
          : {
              file: this.files[f.at.file]?.name ?? '',
              line: lineOf(f.at, f.lineField),
              record: f.record,
              field: f.field,
              message: typeof f.message === 'string' ? f.message : f.message(placeOf),
            };
      // Absent parts are left out, not undefined: problems are compared and printed as they are.
      return {
        file: p.file,
        ...(p.line === undefined ? {} : { line: p.line }),
        ...(p.record === undefined ? {} : { record: p.record }),
        ...(p.field === undefined ? {} : { field: p.field }),
        message: p.message,
      };
    });
  }
}
