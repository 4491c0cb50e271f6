import { NODE_KINDS, type NodeKind } from '../../model/graph-model.js';
import { detach } from '../detach.js';
import { PackedList } from '../packed-list.js';
import type { SeedEvidence } from '../seed-schema.js';
import type { RecordAt } from './finding.js';

/** The kind `idKind` (SeedIndex's) gives the id numbered `n`; undefined when no node has it. */
export function kindIn(idKind: readonly number[], n: number): NodeKind | undefined {
  return NODE_KINDS[(idKind[n] ?? 0) - 1];
}

/** A figure that opened a conflict group: where, what messages call it, and its number among its kind. */
export interface GroupMember {
  readonly at: RecordAt;
  readonly label: string;
  readonly seq: number;
}

/** The figures that share one conflictGroup, as far as the check of the group needs them. */
export interface ConflictGroup {
  count: number;
  readonly kinds: Set<string>;
  readonly figures: Set<string>;
  /** The lowest and highest positive value of the group, for how far apart its figures are. */
  low: number;
  high: number;
  firstNode?: GroupMember;
  firstEdge?: GroupMember;
  /** Conflicting or corroborated, once the group has been checked and found sound. */
  status?: string;
}

/** A node's claim to the id of a record merged into it. */
export interface FormerClaim {
  readonly id: string;
  readonly owner: string;
  readonly at: RecordAt;
  readonly seq: number;
}

/**
 * What the checks keep of the records they have seen: each node's id and kind, each relationship's
 * id, endpoints and place (a few numbers), conflict groups with their figures, breakdown references,
 * supplements, and citations of reports not seen yet. The records themselves are not kept, so a
 * seed set of any size is checked in memory proportional to its ids, not to its content: anything
 * added here is paid for once per record of a million-relationship seed set.
 */
export class SeedIndex {
  // Node ids (and ids relationships point at) interned to numbers.
  readonly ids = new Map<string, number>();
  readonly idNames: string[] = [];
  /** 0 while no node has the id, else 1 + the kind's index in NODE_KINDS. */
  readonly idKind: number[] = [];
  readonly idFirstFile: number[] = [];
  readonly idFirstIndex: number[] = [];
  nodeCount = 0;

  // Relationships with a first-seen id, by number.
  readonly edgeIds = new Map<string, number>();
  readonly edgeIdList: string[] = [];
  readonly edgeFile = new PackedList();
  readonly edgeIndex = new PackedList();
  readonly edgeSeqOf = new PackedList();
  readonly edgeFrom = new PackedList();
  readonly edgeTo = new PackedList();
  /** Index of the relationship kind in the model's list of kinds. */
  readonly edgeKind = new PackedList();
  /** breakdownOf of every relationship that has one, by relationship number. */
  readonly shares = new Map<number, string>();
  /** Relationships with a missing end or ends of kinds their kind cannot join, by number. */
  readonly badEnds = new Set<number>();
  /** Funding lines that other lines are shares of, once breakdowns have been checked. */
  readonly brokenDown = new Set<string>();

  readonly reportSources = new Set<string>();
  /** Each report's period by its source file: a fact its report does not date takes it. */
  readonly reportPeriods = new Map<string, string>();
  // Citations of reports not seen yet: most seed sets define their reports in a file read last.
  readonly sourceIds = new Map<string, number>();
  readonly sourceNames: string[] = [];
  readonly pendingSource = new PackedList();
  readonly pendingFile = new PackedList();
  readonly pendingList = new PackedList();
  readonly pendingIndex = new PackedList();
  readonly pendingCheck = new PackedList();
  readonly pendingSeq = new PackedList();
  readonly pendingEvidence = new PackedList();
  readonly pendingLabel: string[] = [];

  readonly groups = new Map<string, ConflictGroup>();
  readonly supplementTargets: { seq: number; at: RecordAt; id: string }[] = [];
  readonly supplements = new Map<string, { aliases: string[]; evidence: SeedEvidence[] }>();
  /** Each former id (of a record merged into another) and the node that took it, first claim kept. */
  readonly formerOwners = new Map<string, FormerClaim>();
  /** Every claim of a former id, checked once every id is known (a node may have it as its id). */
  readonly formerClaims: FormerClaim[] = [];

  /** The number of `id`, given one (as a copy that does not hold the file's text) if it has none. */
  intern(id: string): number {
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

  /** Whether some node record, well written or not, has the id numbered `n`. */
  isNode(n: number | undefined): boolean {
    return n !== undefined && this.idKind[n] !== 0;
  }

  /** The kind of the node with the id numbered `n`; undefined when there is none. */
  kindAt(n: number): NodeKind | undefined {
    return kindIn(this.idKind, n);
  }

  /** Marks the id numbered `n` as a node of `kind` first found at `at`. */
  markNode(n: number, kind: NodeKind, at: RecordAt): void {
    this.idKind[n] = NODE_KINDS.indexOf(kind) + 1;
    this.idFirstFile[n] = at.file;
    this.idFirstIndex[n] = at.index;
  }

  /** Where the relationship numbered `e` sits. */
  edgeAt(e: number): RecordAt {
    return { file: this.edgeFile.get(e), list: 'edges', index: this.edgeIndex.get(e) };
  }
}
