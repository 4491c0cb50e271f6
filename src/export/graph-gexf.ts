import {
  EDGE_KINDS,
  type EdgeKind,
  edgeProps,
  isFact,
  NODE_KINDS,
  nodeProps,
  type PropSpecs,
  type PropType,
} from '../model/graph-model.js';
import { periodDates } from '../model/periods.js';
import type { EdgeRecord, GraphData, NodeRecord, PropValue } from '../model/records.js';
import { XMLWriter } from './xml-writer.js';

/**
 * How each relationship reads in Gephi. Every kind is a sentence from one end to the other (an
 * organisation funds a programme, a person works for an organisation, a project is part of a
 * programme), so it is directed; a partnership is the one tie the model does not orient (two
 * organisations are partners of each other, and being a partner on a programme says nothing of
 * who joined whom). A record over every kind, so a new kind cannot be added without this choice.
 */
export const EDGE_DIRECTIONS: Readonly<Record<EdgeKind, 'directed' | 'undirected'>> = {
  FUNDS: 'directed',
  LEADS: 'directed',
  DELIVERS: 'directed',
  PARTNERS_WITH: 'undirected',
  CHAIRS: 'directed',
  WORKS_FOR: 'directed',
  PART_OF: 'directed',
  CONTINUES_AS: 'directed',
  COMMENTED_ON: 'directed',
  WON: 'directed',
  MEASURES: 'directed',
  EVIDENCES: 'directed',
  AIMS_AT: 'directed',
  RUNS_IN: 'directed',
  COVERS: 'directed',
  PRESENTS: 'directed',
};

type GexfType = 'string' | 'integer' | 'double';

interface Column {
  readonly id: string;
  readonly type: GexfType;
}

const GEXF_TYPES: Readonly<Partial<Record<PropType, GexfType>>> = {
  string: 'string',
  int: 'integer',
  float: 'double',
};

/**
 * The attribute columns for one class of element: the given leading columns, then every property
 * that is a fact of the graph and a single value (lists and evidence have no GEXF type Gephi reads
 * back reliably), in model order, each once. The same name must have one type in every kind, as a
 * GEXF column has one; the model keeps to that, and a change that broke it fails here at start-up.
 */
function columnsOf(
  leading: readonly Column[],
  specs: readonly PropSpecs[],
  skip: ReadonlySet<string>,
): Column[] {
  const columns = new Map<string, Column>(leading.map((c) => [c.id, c]));
  for (const props of specs) {
    for (const [key, spec] of Object.entries(props)) {
      const type = GEXF_TYPES[spec.type];
      if (!type || !isFact(spec) || skip.has(key)) continue;
      const seen = columns.get(key);
      if (seen && seen.type !== type)
        throw new Error(`graph model: property ${key} is ${seen.type} in one kind and ${type} in another`);
      if (!seen) columns.set(key, { id: key, type });
    }
  }
  return [...columns.values()];
}

// The node id and name are the element's id and label; kind and the seed id lead the columns.
// seedId repeats the id because Gephi's merges and spreadsheet exports keep attributes, not ids.
const NODE_COLUMNS = columnsOf(
  [
    { id: 'kind', type: 'string' },
    { id: 'seedId', type: 'string' },
  ],
  NODE_KINDS.map(nodeProps),
  new Set(['id', 'kind', 'name']),
);

const EDGE_COLUMNS = columnsOf(
  [
    { id: 'kind', type: 'string' },
    { id: 'seedId', type: 'string' },
  ],
  EDGE_KINDS.map(edgeProps),
  new Set(['id', 'kind']),
);

/** The property a node is dated by: its period; an award, which has none, by its date or year. */
const NODE_PERIOD_KEYS = ['period', 'date', 'year'] as const;

// Text in which every character is one XML 1.0 can hold (tab, newlines, and the rest of the Basic
// Multilingual Plane but surrogates and two non-characters): most strings, checked at once.
const PLAIN_XML = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD]*$/;

/** Whether XML 1.0 can hold a code point at all: its Char production. */
function isXmlChar(c: number): boolean {
  return (
    c === 0x9 ||
    c === 0xa ||
    c === 0xd ||
    (c >= 0x20 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0x10ffff)
  );
}

/**
 * The text without the characters XML 1.0 cannot write, escaped or not (control characters, lone
 * surrogates): one of them in a name would make the whole download unreadable. The writer escapes
 * the rest.
 */
function xmlText(value: string): string {
  if (PLAIN_XML.test(value)) return value;
  let kept = '';
  // A string iterates by code point: a pair of surrogates comes as one, a lone one by itself.
  for (const ch of value) if (isXmlChar(ch.codePointAt(0) ?? 0)) kept += ch;
  return kept;
}

function nodePeriod(node: NodeRecord): string | null {
  for (const key of NODE_PERIOD_KEYS) {
    const value = node.properties[key];
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  return null;
}

function edgePeriod(edge: EdgeRecord): string | null {
  const value = edge.properties['period'];
  return typeof value === 'string' ? value : null;
}

function writeColumns(xml: XMLWriter, forClass: 'node' | 'edge', columns: readonly Column[]): void {
  xml.startElement('attributes').writeAttribute('class', forClass).writeAttribute('mode', 'static');
  for (const c of columns) {
    xml
      .startElement('attribute')
      .writeAttribute('id', c.id)
      .writeAttribute('title', c.id)
      .writeAttribute('type', c.type)
      .endElement();
  }
  xml.endElement();
}

function writeInterval(xml: XMLWriter, period: string | null): void {
  const dates = period === null ? null : periodDates(period);
  if (dates) xml.writeAttribute('start', dates.start).writeAttribute('end', dates.end);
}

/** The element's values, in column order; an unset property is left out (Gephi shows it empty). */
function writeValues(
  xml: XMLWriter,
  columns: readonly Column[],
  values: Readonly<Record<string, PropValue | undefined>>,
): void {
  xml.startElement('attvalues');
  for (const c of columns) {
    const value = values[c.id];
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    xml
      .startElement('attvalue')
      .writeAttribute('for', c.id)
      .writeAttribute('value', xmlText(String(value)));
    xml.endElement();
  }
  xml.endElement();
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The whole graph as GEXF 1.3 for Gephi: every node and relationship, nodes then edges each ordered
 * by id (the same graph gives the same text). Nodes carry their name as label and their kind, seed
 * id and single-valued properties (category, period, value, ...) as attributes; edges their kind
 * (also as GEXF's edge kind, which Gephi keeps as the edge type), seed id, role, period, amount,
 * currency, funding kind, line role and the other single-valued properties. Each edge is directed
 * or undirected as EDGE_DIRECTIONS says. The graph is dynamic with dates: a node or edge whose
 * period parses lives from the first day of its first month to the last day of its last month;
 * one with no period, or one in no known form, has no interval (Gephi shows it at every time).
 */
export function graphToGexf(graph: GraphData): string {
  const xml = new XMLWriter(true);
  xml.startDocument('1.0', 'UTF-8');
  xml.startElement('gexf').writeAttribute('xmlns', 'http://gexf.net/1.3').writeAttribute('version', '1.3');
  xml.startElement('meta');
  xml.writeElement('creator', 'HLP Graph');
  xml.writeElement(
    'description',
    'The HLP knowledge graph: every node and relationship, with its kind, role, period and amounts',
  );
  xml.endElement();
  xml
    .startElement('graph')
    .writeAttribute('mode', 'dynamic')
    .writeAttribute('timeformat', 'date')
    .writeAttribute('timerepresentation', 'interval')
    .writeAttribute('defaultedgetype', 'directed')
    .writeAttribute('idtype', 'string');
  writeColumns(xml, 'node', NODE_COLUMNS);
  writeColumns(xml, 'edge', EDGE_COLUMNS);

  xml.startElement('nodes').writeAttribute('count', String(graph.nodes.length));
  for (const node of [...graph.nodes].sort(byId)) {
    xml
      .startElement('node')
      .writeAttribute('id', xmlText(node.id))
      .writeAttribute('label', xmlText(node.name));
    writeInterval(xml, nodePeriod(node));
    writeValues(xml, NODE_COLUMNS, { ...node.properties, kind: node.kind, seedId: node.id });
    xml.endElement();
  }
  xml.endElement();

  xml.startElement('edges').writeAttribute('count', String(graph.edges.length));
  for (const edge of [...graph.edges].sort(byId)) {
    xml
      .startElement('edge')
      .writeAttribute('id', xmlText(edge.id))
      .writeAttribute('source', xmlText(edge.from))
      .writeAttribute('target', xmlText(edge.to))
      .writeAttribute('type', EDGE_DIRECTIONS[edge.kind])
      .writeAttribute('kind', edge.kind)
      .writeAttribute('label', edge.kind);
    writeInterval(xml, edgePeriod(edge));
    writeValues(xml, EDGE_COLUMNS, { ...edge.properties, kind: edge.kind, seedId: edge.id });
    xml.endElement();
  }
  xml.endElement();

  xml.endElement();
  xml.endDocument();
  return `${xml.toString()}\n`;
}
