import { isEdgeKind, isNodeKind } from './graph-model.js';
import { type EdgeView, type GraphView, type NodeView, type PropValue, RecordShapeError } from './records.js';

/**
 * The rows of the networkTies text (cypher/network/) as a graph view: each tie an edge with the
 * properties the projection weighs and counts by (period, amount, currency, conflict group, line
 * role), each end a node with its name and category, once. Throws RecordShapeError on a row that
 * does not fit.
 */
export function tiesToGraph(rows: readonly Readonly<Record<string, unknown>>[]): GraphView {
  const nodes = new Map<string, NodeView>();
  const edges: EdgeView[] = [];
  for (const row of rows) {
    const from = end(row, 'org', 'orgName', 'orgCategory', () => 'Organisation');
    const to = end(row, 'work', 'workName', 'workCategory', () => row['workKind']);
    if (!nodes.has(from.id)) nodes.set(from.id, from);
    if (!nodes.has(to.id)) nodes.set(to.id, to);
    const id = row['id'];
    const kind = row['kind'];
    if (typeof id !== 'string' || typeof kind !== 'string' || !isEdgeKind(kind)) {
      throw new RecordShapeError('a network tie', `id ${describe(id)} and kind ${describe(kind)}`);
    }
    const amount = row['amount'];
    if (amount !== null && typeof amount !== 'number') {
      throw new RecordShapeError(`network tie ${id}`, `amount ${describe(amount)} is not a number`);
    }
    edges.push({
      id,
      kind,
      from: from.id,
      to: to.id,
      properties: {
        period: text(row, 'period', id),
        amount,
        currency: text(row, 'currency', id),
        conflictGroup: text(row, 'conflictGroup', id),
        jointGroup: text(row, 'jointGroup', id),
        lineRole: text(row, 'lineRole', id),
      },
    });
  }
  return { nodes: [...nodes.values()].sort((a, b) => (a.id < b.id ? -1 : 1)), edges };
}

function end(
  row: Readonly<Record<string, unknown>>,
  idKey: string,
  nameKey: string,
  categoryKey: string,
  kindOf: () => unknown,
): NodeView {
  const id = row[idKey];
  const name = row[nameKey];
  const kind = kindOf();
  if (typeof id !== 'string' || typeof name !== 'string' || typeof kind !== 'string' || !isNodeKind(kind)) {
    throw new RecordShapeError(
      'a network tie',
      `${idKey} ${describe(id)}, ${nameKey} ${describe(name)} and kind ${describe(kind)}`,
    );
  }
  return { id, kind, name, aliases: [], properties: { category: text(row, categoryKey, id) } };
}

function text(row: Readonly<Record<string, unknown>>, key: string, id: string): PropValue {
  const value = row[key];
  if (value !== null && typeof value !== 'string') {
    throw new RecordShapeError(`network tie ${id}`, `${key} ${describe(value)} is not a string`);
  }
  return value;
}

function describe(value: unknown): string {
  return value === undefined ? 'missing' : JSON.stringify(value);
}
