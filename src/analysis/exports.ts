import { write as writeGexf } from 'graphology-gexf';
import { csvText } from '../export/csv.js';
import { XMLWriter } from '../export/xml-writer.js';
import type { NetworkResult, NodeMeasures } from './analyse.js';

type Scalar = string | number | boolean;

/** The node attributes every export carries, in a fixed order. */
const NODE_COLUMNS = [
  'label',
  'kind',
  'category',
  'degree',
  'weightedDegree',
  'betweenness',
  'closeness',
  'eigenvector',
  'pagerank',
  'community',
  'component',
  'articulationPoint',
] as const satisfies readonly (keyof NodeMeasures)[];

const EDGE_COLUMNS = ['weight', 'ties', 'bridge'] as const;

function nodeValues(n: NodeMeasures): Record<(typeof NODE_COLUMNS)[number], Scalar> {
  // An eigenvector centrality that did not converge is exported as -1 (GEXF and GraphML have no null).
  return Object.fromEntries(
    NODE_COLUMNS.map((c) => [c, c === 'eigenvector' ? (n.eigenvector ?? -1) : n[c]]),
  ) as Record<(typeof NODE_COLUMNS)[number], Scalar>;
}

/** A one-line description of what produced the result, for file headers. */
export function describeInputs(result: NetworkResult): string {
  const i = result.inputs;
  return `HLP Graph network: projection=${i.projection} weighting=${i.weighting} period=${i.period ?? 'all'} kinds=${i.kinds.join('|')} seed=${i.seed}`;
}

/** GEXF 1.3, measures and communities as declared node attributes, weights on edges. */
export function toGexf(result: NetworkResult): string {
  const byId = new Map(result.nodes.map((n) => [n.id, n]));
  const graph = result.graph.copy();
  graph.replaceAttributes({ creator: 'HLP Graph', description: describeInputs(result) });
  return writeGexf(graph, {
    version: '1.3',
    formatNode: (key) => {
      const n = byId.get(key) as NodeMeasures;
      const { label, ...attributes } = nodeValues(n);
      return { label: String(label), attributes };
    },
    formatEdge: (key, attrs) => ({
      weight: attrs['weight'] as number,
      attributes: { ties: attrs['ties'] as number, bridge: result.bridges.some((b) => b.key === key) },
    }),
  });
}

function graphmlType(values: readonly Scalar[]): string {
  if (values.every((v) => typeof v === 'boolean')) return 'boolean';
  if (values.every((v) => typeof v === 'number' && Number.isInteger(v))) return 'int';
  if (values.every((v) => typeof v === 'number')) return 'double';
  return 'string';
}

/** GraphML, every attribute declared as a key with its type. */
export function toGraphml(result: NetworkResult): string {
  const xml = new XMLWriter(true);
  xml.startDocument('1.0', 'UTF-8');
  xml.startElement('graphml').writeAttribute('xmlns', 'http://graphml.graphdrawing.org/xmlns');
  const rows = result.nodes.map(nodeValues);
  for (const column of NODE_COLUMNS) {
    xml
      .startElement('key')
      .writeAttribute('id', `n_${column}`)
      .writeAttribute('for', 'node')
      .writeAttribute('attr.name', column)
      .writeAttribute('attr.type', graphmlType(rows.map((r) => r[column])))
      .endElement();
  }
  for (const column of EDGE_COLUMNS) {
    const values = result.edges.map((e) => e[column]);
    xml
      .startElement('key')
      .writeAttribute('id', `e_${column}`)
      .writeAttribute('for', 'edge')
      .writeAttribute('attr.name', column)
      .writeAttribute('attr.type', graphmlType(values))
      .endElement();
  }
  xml.startElement('graph').writeAttribute('id', 'hlp').writeAttribute('edgedefault', 'undirected');
  xml.startElement('desc').text(describeInputs(result)).endElement();
  for (const n of [...result.nodes].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    xml.startElement('node').writeAttribute('id', n.id);
    const values = nodeValues(n);
    for (const column of NODE_COLUMNS) {
      xml.startElement('data').writeAttribute('key', `n_${column}`).text(String(values[column])).endElement();
    }
    xml.endElement();
  }
  for (const e of result.edges) {
    xml
      .startElement('edge')
      .writeAttribute('id', e.key)
      .writeAttribute('source', e.source)
      .writeAttribute('target', e.target);
    for (const column of EDGE_COLUMNS) {
      xml.startElement('data').writeAttribute('key', `e_${column}`).text(String(e[column])).endElement();
    }
    xml.endElement();
  }
  xml.endDocument();
  return `${xml.toString()}\n`;
}

/** nodes.csv and edges.csv (RFC 4180, as every CSV the service writes), the columns Gephi's spreadsheet import reads (Id, Label, Source, Target, Weight). */
export function toCsv(result: NetworkResult): { nodes: string; edges: string } {
  const nodeColumns = NODE_COLUMNS.filter((c) => c !== 'label');
  const nodes = csvText(
    ['Id', 'Label', ...nodeColumns],
    result.nodes.map((n) => {
      const v = nodeValues(n);
      return [n.id, n.label, ...nodeColumns.map((c) => v[c])];
    }),
  );
  const edges = csvText(
    ['Source', 'Target', 'Type', 'Weight', 'Ties', 'Bridge'],
    result.edges.map((e) => [e.source, e.target, 'Undirected', e.weight, e.ties, e.bridge]),
  );
  return { nodes, edges };
}

const MEASURES = ['pagerank', 'betweenness', 'weightedDegree', 'degree', 'closeness', 'eigenvector'] as const;

function fmt(value: number | null): string {
  if (value === null) return 'n/a';
  return Number.isInteger(value) ? value.toLocaleString('en-GB') : value.toFixed(4);
}

/** A readable report: inputs, summary, the top nodes per measure, communities, bridges and cut nodes. */
export function toMarkdown(result: NetworkResult, top = 10): string {
  const label = new Map(result.nodes.map((n) => [n.id, n.label]));
  const s = result.summary;
  const lines = [
    '# HLP partnership network',
    '',
    `Projection **${result.inputs.projection}**, weighted by **${result.inputs.weighting}**, period **${result.inputs.period ?? 'all'}**, relationships ${result.inputs.kinds.join(', ')}, seed ${result.inputs.seed}.`,
    '',
    '## Summary',
    '',
    '| nodes | edges | density | components | largest component | diameter | average path length | communities | modularity |',
    '|---|---|---|---|---|---|---|---|---|',
    `| ${s.nodes} | ${s.edges} | ${s.density.toFixed(4)} | ${s.components} | ${s.largestComponent} | ${s.diameter} | ${s.averagePathLength.toFixed(3)} | ${s.communities} | ${s.modularity.toFixed(4)} |`,
  ];
  for (const measure of MEASURES) {
    const ranked = [...result.nodes]
      .filter((n) => n[measure] !== null)
      .sort((a, b) => (b[measure] ?? 0) - (a[measure] ?? 0) || (a.id < b.id ? -1 : 1))
      .slice(0, top);
    lines.push(
      '',
      `## Top ${ranked.length} by ${measure}`,
      '',
      '| # | node | value | community |',
      '|---|---|---|---|',
    );
    lines.push(...ranked.map((n, i) => `| ${i + 1} | ${n.label} | ${fmt(n[measure])} | ${n.community} |`));
  }
  lines.push('', '## Communities (Louvain)', '');
  for (const c of result.communities) {
    lines.push(`- **${c.id}** (${c.members.length}): ${c.members.map((m) => label.get(m) ?? m).join(', ')}`);
  }
  lines.push('', '## Bridges', '');
  lines.push(
    ...(result.bridges.length
      ? result.bridges.map((b) => `- ${label.get(b.source)} — ${label.get(b.target)}`)
      : ['- none']),
  );
  lines.push('', '## Articulation points', '');
  lines.push(
    ...(result.articulationPoints.length
      ? result.articulationPoints.map((p) => `- ${label.get(p)}`)
      : ['- none']),
  );
  lines.push('', '## Algorithms', '');
  for (const a of result.inputs.algorithms) {
    const params = Object.entries(a.parameters)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(', ');
    lines.push(`- ${a.name}${params ? `: ${params}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
