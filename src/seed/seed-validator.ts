import type { z } from 'zod';
import {
  EDGE_KINDS,
  EDGE_MODEL,
  isEdgeKind,
  isNodeKind,
  NODE_KINDS,
  type NodeKind,
} from '../model/graph-model.js';
import { PackedList } from './packed-list.js';
import { findPersonalData } from './personal-data.js';
import type { ParsedSeedFile, RawRecord, SeedList, SeedProblem } from './read-seeds.js';
import {
  edgeSchemaFor,
  nodeSchemaFor,
  type SeedEdge,
  type SeedEvidence,
  type SeedNode,
  type SeedSupplement,
  supplementSchema,
} from './seed-schema.js';

/** Where a record sits: its file (numbered in reading order), its list, and its index in that list. */
export interface RecordAt {
  readonly file: number;
  readonly list: SeedList;
  readonly index: number;
}

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
 * Problems are reported in the order a whole-set check would find them: problems of form, then
 * record by record, then duplicate nodes, evidence of nodes, supplements, relationships, conflict
 * groups and breakdowns. Some are only known once every file has been read, so each carries its
 * place in that order: [check, record number within the check, step within the record].
 */
const CHECK = {
  form: 1,
  record: 2,
  duplicateNode: 3,
  nodeEvidence: 4,
  supplement: 5,
  edge: 6,
  conflictGroup: 7,
  breakdown: 8,
} as const;
/** Steps after a record's evidence (whose steps are the evidence indexes). */
const AFTER_EVIDENCE = 2 ** 31;
const LISTS: readonly SeedList[] = ['nodes', 'edges', 'supplements'];

type Order = readonly [number, number, number];

/** A problem whose line (and perhaps message) is worked out once every file has been read. */
interface Found {
  readonly order: Order;
  readonly file: string;
  readonly line?: number;
  /** The record whose field's line the problem is reported at (when `line` is not known). */
  readonly at?: RecordAt;
  readonly lineField?: string;
  readonly record?: string;
  readonly field?: string;
  readonly message: string | ((lineOf: (at: RecordAt, field?: string) => number) => string);
}

interface GroupMember {
  readonly at: RecordAt;
  readonly label: string;
  readonly seq: number;
}

interface ConflictGroup {
  count: number;
  readonly kinds: Set<string>;
  readonly figures: Set<string>;
  /** The lowest and highest positive value of the group, for how far apart its figures are. */
  low: number;
  high: number;
  firstNode?: GroupMember;
  firstEdge?: GroupMember;
  status?: string;
}

function describeValue(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? 'nothing' : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function labelOf(raw: RawRecord): string {
  const value = raw.value as { id?: unknown } | null;
  return typeof value?.id === 'string' ? value.id : `#${raw.index + 1} of ${raw.list}`;
}

/** A figure's value, for comparing figures in one conflict group. */
/**
 * A figure as stated: its value (and the high end of a range), unit and qualifier. Two statements
 * corroborate each other only when all of these are the same: "over 120,000" and "around 120,000"
 * are two different statements, and the group is conflicting.
 */
function figureOf(record: SeedNode | SeedEdge): string {
  const stated = [record['qualifier'] ?? '', record['valueHigh'] ?? ''].map(String).join(' ');
  return record.kind === 'FUNDS'
    ? `${String(record['amount'])} ${String(record['currency'])} ${stated}`
    : `${String(record['value'])} ${String(record['unit'])} ${stated}`;
}

/** The value a figure gives: the amount of a funding line, a metric's value. */
function figureValue(record: SeedNode | SeedEdge): number | null {
  const value = record.kind === 'FUNDS' ? record['amount'] : record['value'];
  return typeof value === 'number' ? value : null;
}

/**
 * A copy of `text` that does not keep the text it was cut from alive. The YAML parser hands out
 * strings that V8 keeps as slices of the whole file's text, so holding one id would hold the whole
 * file: at a million relationships, every seed file at once. Everything kept past a file is copied.
 */
const detach = (text: string): string => ` ${text}`.slice(1);

const compareOrder = (a: Found, b: Found) =>
  a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2] - b.order[2];

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

/**
 * Checks seed records file by file and keeps only what checks across records need: each node's id
 * and kind, each relationship's id, endpoints and place (a few numbers), conflict groups with their
 * figures, breakdown references, supplements, and citations of reports not seen yet. The records
 * themselves go to the sink (if any) and are not kept, so a seed set of any size is checked in
 * memory proportional to its ids, not to its content.
 *
 * The checks and messages are those of a check over the whole set at once: types and required
 * fields, personal data, duplicate ids, relationships whose endpoints are missing or of kinds the
 * model does not allow, evidence that cites no known report, supplements of missing nodes, conflict
 * groups and breakdowns.
 */
export class SeedValidator {
  private readonly files: { name: string; lines: () => FileLines }[] = [];
  private readonly found: Found[] = [];
  private formSeq = 0;
  private recordSeq = 0;
  private nodeSeq = 0;
  private supplementSeq = 0;
  private edgeSeq = 0;

  // Node ids (and ids relationships point at) interned to numbers.
  private readonly ids = new Map<string, number>();
  private readonly idNames: string[] = [];
  /** 0 while no node has the id, else 1 + the kind's index in NODE_KINDS. */
  private readonly idKind: number[] = [];
  private readonly idFirstFile: number[] = [];
  private readonly idFirstIndex: number[] = [];
  private nodeCount = 0;

  // Relationships with a first-seen id, by number.
  private readonly edgeIds = new Map<string, number>();
  private readonly edgeIdList: string[] = [];
  private readonly edgeFile = new PackedList();
  private readonly edgeIndex = new PackedList();
  private readonly edgeSeqOf = new PackedList();
  private readonly edgeFrom = new PackedList();
  private readonly edgeTo = new PackedList();
  /** Index of the relationship kind in the model's list of kinds. */
  private readonly edgeKind = new PackedList();
  /** breakdownOf of every relationship that has one, by relationship number. */
  private readonly shares = new Map<number, string>();

  private readonly reportSources = new Set<string>();
  /** Each report's period by its source file: a fact its report does not date takes it. */
  private readonly reportPeriods = new Map<string, string>();
  // Citations of reports not seen yet: most seed sets define their reports in a file read last.
  private readonly sourceIds = new Map<string, number>();
  private readonly sourceNames: string[] = [];
  private readonly pendingSource = new PackedList();
  private readonly pendingFile = new PackedList();
  private readonly pendingList = new PackedList();
  private readonly pendingIndex = new PackedList();
  private readonly pendingCheck = new PackedList();
  private readonly pendingSeq = new PackedList();
  private readonly pendingEvidence = new PackedList();
  private readonly pendingLabel: string[] = [];

  private readonly groups = new Map<string, ConflictGroup>();
  private readonly supplementTargets: { seq: number; at: RecordAt; id: string }[] = [];
  private readonly supplements = new Map<string, { aliases: string[]; evidence: SeedEvidence[] }>();
  /** Each former id (of a record merged into another) and the node that took it, first claim kept. */
  private readonly formerOwners = new Map<string, { owner: string; at: RecordAt; seq: number }>();
  /** Former ids claimed again, or claimed while a node has them as its id: checked once every id is known. */
  private readonly formerClaims: { id: string; owner: string; at: RecordAt; seq: number }[] = [];

  constructor(private readonly sink?: SeedRecordSink) {}

  /** Problems of the seed directory itself, reported before any file's. */
  addProblems(problems: readonly SeedProblem[]): void {
    for (const p of problems) {
      this.found.push({ ...p, order: [CHECK.form, this.formSeq++, 0], message: p.message });
    }
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

  private addRecord(raw: RawRecord, file: number): void {
    const seq = this.recordSeq++;
    const at: RecordAt = { file, list: raw.list, index: raw.index };
    const label = labelOf(raw);
    let step = 0;
    const problem = (lineField: string, field: string | undefined, message: string) =>
      this.found.push({
        order: [CHECK.record, seq, step++],
        file: raw.file,
        at,
        lineField,
        record: label,
        ...(field === undefined ? {} : { field }),
        message,
      });
    for (const hit of findPersonalData(raw.value)) {
      problem(
        hit.path.split('.')[0] ?? '',
        hit.path,
        `looks like ${hit.kind}: personal data must never be stored`,
      );
    }
    const zodProblems = (error: z.ZodError) => {
      for (const issue of error.issues) {
        const field = issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
        let got = raw.value as unknown;
        for (const key of issue.path)
          got = (got as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey];
        const message =
          issue.code === 'unrecognized_keys'
            ? `unknown field(s) ${issue.keys.join(', ')}`
            : `${issue.message}${issue.path.length > 0 ? `, got ${describeValue(got)}` : ''}`;
        problem(String(issue.path[0] ?? ''), field, message);
      }
    };
    if (raw.list === 'supplements') {
      const parsed = supplementSchema.safeParse(raw.value);
      if (!parsed.success) {
        zodProblems(parsed.error);
        return;
      }
      // Kept whole until the end (supplements are few): copied, so as not to keep the file's text.
      const record = JSON.parse(JSON.stringify(parsed.data)) as SeedSupplement;
      const supplementSeq = this.supplementSeq++;
      this.checkEvidence(record.evidence, at, record.id, CHECK.supplement, supplementSeq);
      this.supplementTargets.push({ seq: supplementSeq, at, id: record.id });
      const extra = this.supplements.get(record.id) ?? { aliases: [], evidence: [] };
      extra.aliases.push(...record.aliases);
      extra.evidence.push(...record.evidence);
      this.supplements.set(record.id, extra);
      return;
    }
    const kind = (raw.value as { kind?: unknown } | null)?.kind;
    const isNode = raw.list === 'nodes';
    if (typeof kind !== 'string' || !(isNode ? isNodeKind(kind) : isEdgeKind(kind))) {
      problem(
        'kind',
        'kind',
        `expected a ${isNode ? 'node' : 'relationship'} kind, got ${describeValue(kind)}`,
      );
      return;
    }
    if (isNode) {
      const parsed = nodeSchemaFor(kind as NodeKind).safeParse(raw.value);
      if (parsed.success) this.addNode(parsed.data, at, raw.file);
      else {
        zodProblems(parsed.error);
        // The node exists, wrongly written: relationships to it are not dangling. Without this one
        // mistyped field was reported behind a hundred "no node has the id" problems it caused.
        const id = (raw.value as { id?: unknown } | null)?.id;
        if (typeof id === 'string') {
          const n = this.intern(id);
          if (this.idKind[n] === 0) {
            this.idKind[n] = NODE_KINDS.indexOf(kind as NodeKind) + 1;
            this.idFirstFile[n] = at.file;
            this.idFirstIndex[n] = at.index;
          }
        }
      }
    } else {
      const parsed = edgeSchemaFor(kind as SeedEdge['kind']).safeParse(raw.value);
      if (parsed.success) this.addEdge(parsed.data, at, raw.file);
      else zodProblems(parsed.error);
    }
  }

  private intern(id: string): number {
    let n = this.ids.get(id);
    if (n === undefined) {
      const own = detach(id);
      n = this.idNames.length;
      this.ids.set(own, n);
      this.idNames.push(own);
      this.idKind.push(0);
      this.idFirstFile.push(0);
      this.idFirstIndex.push(0);
    }
    return n;
  }

  private addNode(record: SeedNode, at: RecordAt, fileName: string): void {
    const seq = this.nodeSeq++;
    const n = this.intern(record.id);
    if (this.idKind[n] !== 0) {
      const first: RecordAt = {
        file: this.idFirstFile[n] ?? 0,
        list: 'nodes',
        index: this.idFirstIndex[n] ?? 0,
      };
      this.found.push({
        order: [CHECK.duplicateNode, seq, 0],
        file: fileName,
        at,
        lineField: 'id',
        record: record.id,
        field: 'id',
        message: (lineOf) =>
          `duplicate id: already used at ${this.files[first.file]?.name}:${lineOf(first, 'id')}`,
      });
    } else {
      this.idKind[n] = NODE_KINDS.indexOf(record.kind) + 1;
      this.idFirstFile[n] = at.file;
      this.idFirstIndex[n] = at.index;
      this.nodeCount++;
    }
    if (record.kind === 'Report') {
      const source = detach(String(record['source'] ?? ''));
      this.reportSources.add(source);
      if (typeof record['period'] === 'string') this.reportPeriods.set(source, detach(record['period']));
    }
    const label = this.idNames[n] ?? record.id;
    const formerIds = record['formerIds'];
    if (Array.isArray(formerIds)) {
      for (const former of formerIds as string[]) {
        const claim = { id: detach(former), owner: label, at, seq };
        this.formerClaims.push(claim);
        if (!this.formerOwners.has(claim.id)) this.formerOwners.set(claim.id, claim);
      }
    }
    this.checkEvidence(record.evidence, at, label, CHECK.nodeEvidence, seq);
    this.addFigure(record, { at, label, seq }, 'node');
    this.sink?.node(record);
  }

  private addEdge(record: SeedEdge, at: RecordAt, fileName: string): void {
    const seq = this.edgeSeq++;
    // A derived id is a new string already; a given one is a slice of the file.
    const id = record.id === undefined ? derivedEdgeId(record) : detach(record.id);
    this.checkEvidence(record.evidence, at, id, CHECK.edge, seq);
    this.addFigure(
      record,
      { at, label: record.id === undefined ? detach(String(record['conflictGroup'])) : id, seq },
      'edge',
    );
    const first = this.edgeIds.get(id);
    if (first !== undefined) {
      const firstAt: RecordAt = {
        file: this.edgeFile.get(first),
        list: 'edges',
        index: this.edgeIndex.get(first),
      };
      this.found.push({
        order: [CHECK.edge, seq, AFTER_EVIDENCE],
        file: fileName,
        at,
        lineField: 'kind',
        record: id,
        field: 'id',
        message: (lineOf) =>
          `duplicate relationship id: already used at ${this.files[firstAt.file]?.name}:${lineOf(firstAt)}${
            record.id ? '' : ' (give one of them an explicit id)'
          }`,
      });
      return;
    }
    const e = this.edgeIdList.length;
    this.edgeIds.set(id, e);
    this.edgeIdList.push(id);
    this.edgeFile.push(at.file);
    this.edgeIndex.push(at.index);
    this.edgeSeqOf.push(seq);
    this.edgeFrom.push(this.intern(record.from));
    this.edgeTo.push(this.intern(record.to));
    this.edgeKind.push(EDGE_KINDS.indexOf(record.kind));
    const parent = record['breakdownOf'];
    if (typeof parent === 'string') this.shares.set(e, detach(parent));
    this.sink?.edge(record, id);
  }

  /** Evidence must cite a report that some Report node has as its source; reports may come later. */
  private checkEvidence(
    evidence: readonly SeedEvidence[],
    at: RecordAt,
    label: string,
    check: number,
    seq: number,
  ): void {
    evidence.forEach((e, i) => {
      if (this.reportSources.has(e.source)) return;
      let source = this.sourceIds.get(e.source);
      if (source === undefined) {
        source = this.sourceNames.length;
        const own = detach(e.source);
        this.sourceIds.set(own, source);
        this.sourceNames.push(own);
      }
      this.pendingSource.push(source);
      this.pendingFile.push(at.file);
      this.pendingList.push(LISTS.indexOf(at.list));
      this.pendingIndex.push(at.index);
      this.pendingCheck.push(check);
      this.pendingSeq.push(seq);
      this.pendingEvidence.push(i);
      this.pendingLabel.push(label);
    });
  }

  private addFigure(record: SeedNode | SeedEdge, member: GroupMember, side: 'node' | 'edge'): void {
    const name = record['conflictGroup'];
    if (typeof name !== 'string') return;
    let group = this.groups.get(name);
    if (!group) {
      group = {
        count: 0,
        kinds: new Set(),
        figures: new Set(),
        low: Number.POSITIVE_INFINITY,
        high: 0,
      };
      this.groups.set(detach(name), group);
    }
    group.count++;
    group.kinds.add(detach(record.kind));
    group.figures.add(figureOf(record));
    const value = figureValue(record);
    if (value !== null && value > 0) {
      group.low = Math.min(group.low, value);
      group.high = Math.max(group.high, value);
    }
    if (side === 'node') group.firstNode ??= member;
    else group.firstEdge ??= member;
  }

  /**
   * Runs the checks that need every record, and returns every problem found, in order, with its
   * line. Call once, after the last file.
   */
  finish(): ValidationResult {
    const kept = this.checkEndpoints();
    this.checkSupplementTargets();
    this.checkFormerIds();
    this.checkConflictGroups();
    const brokenDown = this.checkBreakdowns(kept);
    this.checkCitations();
    const problems = this.resolve();
    const facts: SeedFacts = {
      nodeCount: this.nodeCount,
      edgeCount: this.edgeIdList.length,
      kindOf: (id) => {
        const n = this.ids.get(id);
        const kind = n === undefined ? 0 : (this.idKind[n] ?? 0);
        return kind === 0 ? undefined : NODE_KINDS[kind - 1];
      },
      figureStatus: (group) =>
        (typeof group === 'string' ? this.groups.get(group)?.status : undefined) ?? 'single',
      isBrokenDown: (id) => brokenDown.has(id),
      ordersApart: (name) => {
        const group = typeof name === 'string' ? this.groups.get(name) : undefined;
        return group && group.high > 0 && group.low < Number.POSITIVE_INFINITY
          ? Math.floor(Math.log10(group.high / group.low) + 1e-9)
          : 0;
      },
      supplementOf: (id) => this.supplements.get(id),
      reportPeriodOf: (source) => this.reportPeriods.get(source),
    };
    return { problems, facts };
  }

  /** Relationships whose ends exist and are of kinds the model allows them to join, by number. */
  private checkEndpoints(): boolean[] {
    const kept: boolean[] = [];
    for (let e = 0; e < this.edgeIdList.length; e++) {
      const id = this.edgeIdList[e] ?? '';
      const at: RecordAt = { file: this.edgeFile.get(e), list: 'edges', index: this.edgeIndex.get(e) };
      const seq = this.edgeSeqOf.get(e);
      const kind = EDGE_KINDS[this.edgeKind.get(e)] ?? 'FUNDS';
      const ends = [
        ['from', this.edgeFrom.get(e)],
        ['to', this.edgeTo.get(e)],
      ] as const;
      const kinds = ends.map(([, n]) => NODE_KINDS[(this.idKind[n] ?? 0) - 1]);
      let ok = true;
      ends.forEach(([field, n], i) => {
        if (kinds[i]) return;
        ok = false;
        this.found.push({
          order: [CHECK.edge, seq, AFTER_EVIDENCE + 1 + i],
          file: this.files[at.file]?.name ?? '',
          at,
          lineField: field,
          record: id,
          field,
          message: `no node has the id ${this.idNames[n]}${this.mergedInto(this.idNames[n])}`,
        });
      });
      const [from, to] = kinds;
      if (from && to && !EDGE_MODEL[kind].pairs.some(([f, t]) => f === from && t === to)) {
        ok = false;
        const allowed = EDGE_MODEL[kind].pairs.map(([f, t]) => `${f}->${t}`).join(', ');
        this.found.push({
          order: [CHECK.edge, seq, AFTER_EVIDENCE + 3],
          file: this.files[at.file]?.name ?? '',
          at,
          lineField: 'kind',
          record: id,
          field: 'kind',
          message: `${kind} cannot join a ${from} to a ${to} (allowed: ${allowed})`,
        });
      }
      kept.push(ok);
    }
    return kept;
  }

  /** For a reference to a merged record: which node took its id, so the message says what to write. */
  private mergedInto(id: string | undefined): string {
    const claim = id === undefined ? undefined : this.formerOwners.get(id);
    return claim ? ` (it was merged into ${claim.owner}: refer to that)` : '';
  }

  /**
   * A former id names one merged record: it may not be a node's id as well (which would a lookup
   * mean?), nor be claimed by two nodes.
   */
  private checkFormerIds(): void {
    for (const claim of this.formerClaims) {
      const n = this.ids.get(claim.id);
      const first = this.formerOwners.get(claim.id);
      let message: string | null = null;
      if (n !== undefined && this.idKind[n] !== 0) {
        message = `former id ${claim.id} is the id of a node: a merged record's id goes when it is merged`;
      } else if (first && first !== claim) {
        message = `former id ${claim.id} is claimed by ${first.owner} too: a merged record has one successor`;
      }
      if (message === null) continue;
      this.found.push({
        order: [CHECK.duplicateNode, claim.seq, 1],
        file: this.files[claim.at.file]?.name ?? '',
        at: claim.at,
        lineField: 'formerIds',
        record: claim.owner,
        field: 'formerIds',
        message,
      });
    }
  }

  private checkSupplementTargets(): void {
    for (const { seq, at, id } of this.supplementTargets) {
      const n = this.ids.get(id);
      if (n !== undefined && this.idKind[n] !== 0) continue;
      this.found.push({
        order: [CHECK.supplement, seq, AFTER_EVIDENCE],
        file: this.files[at.file]?.name ?? '',
        at,
        lineField: 'id',
        record: id,
        field: 'id',
        message: `supplements a node that does not exist: no node has the id ${id}${this.mergedInto(id)}`,
      });
    }
  }

  /**
   * Figures that share a conflictGroup are reports of the same thing: "conflicting" when their
   * values differ, "corroborated" when they agree. A group of one is a mistake worth reporting.
   */
  private checkConflictGroups(): void {
    for (const [name, group] of this.groups) {
      const first = group.firstNode ?? group.firstEdge;
      if (!first) continue;
      if (group.count < 2 || group.kinds.size > 1) {
        this.found.push({
          // Groups are reported in the order of their first figure, nodes before relationships.
          order: [CHECK.conflictGroup, group.firstNode ? 0 : 1, first.seq],
          file: this.files[first.at.file]?.name ?? '',
          at: first.at,
          lineField: 'conflictGroup',
          record: first.label,
          field: 'conflictGroup',
          message:
            group.count < 2
              ? `conflict group ${name} has only this figure; give the other figures the same group or drop it`
              : `conflict group ${name} mixes ${[...group.kinds].join(' and ')} records`,
        });
        continue;
      }
      group.status = group.figures.size > 1 ? 'conflicting' : 'corroborated';
    }
  }

  /** A share names the funding line it is part of: that line must be another FUNDS line, not a share. */
  private checkBreakdowns(kept: readonly boolean[]): Set<string> {
    const brokenDown = new Set<string>();
    for (const [e, parent] of [...this.shares].sort(([a], [b]) => a - b)) {
      if (!kept[e]) continue;
      const id = this.edgeIdList[e] ?? '';
      const at: RecordAt = { file: this.edgeFile.get(e), list: 'edges', index: this.edgeIndex.get(e) };
      const problem = (message: string) =>
        this.found.push({
          order: [CHECK.breakdown, e, 0],
          file: this.files[at.file]?.name ?? '',
          at,
          lineField: 'breakdownOf',
          record: id,
          field: 'breakdownOf',
          message,
        });
      const target = this.edgeIds.get(parent);
      const targetShareOf = target === undefined ? undefined : this.shares.get(target);
      if (target === undefined || EDGE_KINDS[this.edgeKind.get(target)] !== 'FUNDS' || parent === id) {
        problem(`expected the id of another FUNDS relationship, got ${parent}`);
      } else if (targetShareOf !== undefined) {
        // A share of a share would make its parent both a total and a share: its money counted twice.
        problem(`${parent} is itself a share of ${targetShareOf}: point at the line it is a share of`);
      } else brokenDown.add(parent);
    }
    return brokenDown;
  }

  private checkCitations(): void {
    for (let i = 0; i < this.pendingSource.length; i++) {
      const source = this.sourceNames[this.pendingSource.get(i)] ?? '';
      if (this.reportSources.has(source)) continue;
      const at: RecordAt = {
        file: this.pendingFile.get(i),
        list: LISTS[this.pendingList.get(i)] ?? 'nodes',
        index: this.pendingIndex.get(i),
      };
      const evidence = this.pendingEvidence.get(i);
      this.found.push({
        order: [this.pendingCheck.get(i), this.pendingSeq.get(i), evidence],
        file: this.files[at.file]?.name ?? '',
        at,
        lineField: 'evidence',
        record: this.pendingLabel[i] ?? '',
        field: `evidence.${evidence}.source`,
        message: `cites ${source}, which no Report node has as its source`,
      });
    }
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
    return this.found.sort(compareOrder).map((f) => {
      const line = f.line ?? (f.at ? lineOf(f.at, f.lineField) : undefined);
      return {
        file: f.file,
        ...(line === undefined ? {} : { line }),
        ...(f.record === undefined ? {} : { record: f.record }),
        ...(f.field === undefined ? {} : { field: f.field }),
        message: typeof f.message === 'string' ? f.message : f.message(lineOf),
      };
    });
  }
}
