import { detach } from '../detach.js';
import type { SeedEdge, SeedNode } from '../seed-schema.js';
import { CHECK, type Problems } from './finding.js';
import type { EdgeInHand, NodeInHand } from './in-hand.js';
import type { ConflictGroup, GroupMember, SeedIndex } from './seed-index.js';

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

/** Adds a node's figure to its conflict group, if it names one. */
export function nodeFigure({ record, at, seq, label }: NodeInHand, seeds: SeedIndex): boolean {
  addFigure(seeds, record, () => ({ at, label, seq }), 'node');
  return true;
}

/** Adds a relationship's figure to its conflict group, if it names one. */
export function edgeFigure({ record, at, seq, id }: EdgeInHand, seeds: SeedIndex): boolean {
  // A relationship without an id of its own is named by its group in the message.
  const label = () => (record.id === undefined ? detach(String(record['conflictGroup'])) : id);
  addFigure(seeds, record, () => ({ at, label: label(), seq }), 'edge');
  return true;
}

function addFigure(
  seeds: SeedIndex,
  record: SeedNode | SeedEdge,
  member: () => GroupMember,
  side: 'node' | 'edge',
): void {
  const name = record['conflictGroup'];
  if (typeof name !== 'string') return;
  let group = seeds.groups.get(name);
  if (!group) {
    group = { count: 0, kinds: new Set(), figures: new Set(), low: Number.POSITIVE_INFINITY, high: 0 };
    seeds.groups.set(detach(name), group);
  }
  group.count++;
  group.kinds.add(detach(record.kind));
  group.figures.add(figureOf(record));
  const value = figureValue(record);
  if (value !== null && value > 0) {
    group.low = Math.min(group.low, value);
    group.high = Math.max(group.high, value);
  }
  if (side === 'node') group.firstNode ??= member();
  else group.firstEdge ??= member();
}

/**
 * Conflict groups: figures that share a conflictGroup are reports of the same thing, "conflicting"
 * when their values differ, "corroborated" when they agree. A group of one, or of figures of
 * different kinds, is a mistake worth reporting.
 */
export function conflictGroups(seeds: SeedIndex, problems: Problems): void {
  for (const [name, group] of seeds.groups) {
    const first = group.firstNode ?? group.firstEdge;
    if (!first) continue;
    if (group.count < 2 || group.kinds.size > 1) {
      problems.add({
        // Groups are reported in the order of their first figure, nodes before relationships.
        order: [CHECK.conflictGroup, group.firstNode ? 0 : 1, first.seq],
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

/** How many powers of ten lie between the lowest and highest figure of a group (0 when none). */
export function ordersApart(group: ConflictGroup | undefined): number {
  return group && group.high > 0 && group.low < Number.POSITIVE_INFINITY
    ? Math.floor(Math.log10(group.high / group.low) + 1e-9)
    : 0;
}
