import type { EdgeRecord, GraphData, NodeRecord, PropValue } from '../model/records.js';

/** Properties without the unset ones: the export lists what is known. */
function known(properties: Readonly<Record<string, PropValue>>): Record<string, PropValue> {
  return Object.fromEntries(Object.entries(properties).filter(([, v]) => v !== null));
}

function evidence(record: NodeRecord | EdgeRecord) {
  return record.evidence.map((e) => ({ source: e.source, lines: [...e.lines], section: e.section }));
}

function node(n: NodeRecord) {
  // Most nodes took no merged record's id: an empty formerIds is left out like an unset property.
  const { formerIds, ...rest } = n.properties;
  const properties = Array.isArray(formerIds) && formerIds.length > 0 ? n.properties : rest;
  return {
    id: n.id,
    kind: n.kind,
    name: n.name,
    aliases: [...n.aliases],
    properties: known(properties),
    evidence: evidence(n),
  };
}

function edge(e: EdgeRecord) {
  return {
    id: e.id,
    kind: e.kind,
    from: e.from,
    to: e.to,
    properties: known(e.properties),
    evidence: evidence(e),
  };
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The graph in the export's stable JSON shape (see README): nodes then edges, each ordered by id,
 * keys in a fixed order, unset properties left out. Two stores holding the same graph give the
 * same text, whichever engine they run on.
 */
export function graphToJson(graph: GraphData): string {
  const doc = { nodes: [...graph.nodes].sort(byId).map(node), edges: [...graph.edges].sort(byId).map(edge) };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
