import {
  EDGE_KINDS,
  EDGE_MODEL,
  type EdgeKind,
  edgeProps,
  NEO4J_ENTITY_LABEL,
  NODE_KINDS,
  type NodeKind,
  nodeProps,
  type PropType,
} from '../model/graph-model.js';
import { DERIVE_QUERIES } from './derive.js';
import { readCypherTree } from './queries.js';
import { neo4jIndexQueryNames, readCypherFiles } from './read-cypher.js';

/**
 * The Cypher that follows mechanically from the graph model: Kuzu's tables, Neo4j's constraints and
 * indexes, and Kuzu's write statements (Kuzu cannot take a label from a parameter, so it needs one
 * statement per node kind and per relationship endpoint pair). `npm run cypher:gen` writes these
 * into cypher/generated/, and `npm run cypher:check` fails when the committed files differ, so the
 * two engines cannot drift from the model or from each other.
 */
export interface GeneratedFile {
  /** Path under cypher/. */
  readonly path: string;
  readonly text: string;
}

export const GENERATED_DIR = 'generated';

const KUZU_TYPES: Readonly<Record<PropType, string>> = {
  string: 'STRING',
  int: 'INT64',
  float: 'DOUBLE',
  'string[]': 'STRING[]',
  'int[]': 'INT64[]',
};

function kebab(name: string): string {
  return name
    .replace(/_/g, '-')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
}

function camel(kebabName: string): string {
  return kebabName.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function file(
  dir: string,
  base: string,
  variant: 'kuzu' | 'neo4j',
  lines: {
    what: string;
    params: string;
    returns: string;
    statement: string;
  },
): GeneratedFile {
  const text = [
    `// ${camel(base)}: ${lines.what}`,
    '// generated from src/model/graph-model.ts by `npm run cypher:gen`: do not edit',
    `// params: ${lines.params}`,
    `// returns: ${lines.returns}`,
    lines.statement,
    '',
  ].join('\n');
  return { path: `${GENERATED_DIR}/${dir}/${base}.${variant}.cypher`, text };
}

export function nodeTableQueryName(kind: NodeKind): string {
  return camel(`node-table-${kebab(kind)}`);
}

export function relTableQueryName(kind: EdgeKind): string {
  return camel(`rel-table-${kebab(kind)}`);
}

/** Names of Neo4j's generated schema statements (constraints, then the read indexes), in the order they run. */
export function neo4jSchemaQueryNames(): string[] {
  return [
    ...neo4jSchemaFiles().map((f) => camel(f.path.split('/').pop()?.split('.')[0] ?? '')),
    ...neo4jIndexQueryNames(),
  ];
}

/** Names of Kuzu's table statements, node tables before the relationship tables that need them. */
export function kuzuSchemaQueryNames(): string[] {
  return [...NODE_KINDS.map(nodeTableQueryName), ...EDGE_KINDS.map(relTableQueryName)];
}

function columns(props: Record<string, { type: PropType }>): string {
  return Object.entries(props)
    .map(([name, spec]) => `${name} ${KUZU_TYPES[spec.type]}`)
    .join(', ');
}

function kuzuSchemaFiles(): GeneratedFile[] {
  const nodes = NODE_KINDS.map((kind) =>
    file('kuzu-schema', `node-table-${kebab(kind)}`, 'kuzu', {
      what: `Kuzu node table for ${kind}`,
      params: 'none',
      returns: 'nothing',
      statement: `CREATE NODE TABLE IF NOT EXISTS ${kind}(${columns(nodeProps(kind))}, PRIMARY KEY (id))`,
    }),
  );
  const rels = EDGE_KINDS.map((kind) => {
    const ends = EDGE_MODEL[kind].pairs.map(([from, to]) => `FROM ${from} TO ${to}`).join(', ');
    return file('kuzu-schema', `rel-table-${kebab(kind)}`, 'kuzu', {
      what: `Kuzu relationship table for ${kind}`,
      params: 'none',
      returns: 'nothing',
      statement: `CREATE REL TABLE IF NOT EXISTS ${kind}(${ends}, ${columns(edgeProps(kind))})`,
    });
  });
  return [...nodes, ...rels];
}

function neo4jSchemaFiles(): GeneratedFile[] {
  const label = NEO4J_ENTITY_LABEL;
  return [
    file('neo4j-schema', 'entity-id-unique', 'neo4j', {
      what: 'ids are unique across every kind of node',
      params: 'none',
      returns: 'nothing',
      statement: `CREATE CONSTRAINT entity_id_unique IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
    }),
    file('neo4j-schema', 'entity-kind-index', 'neo4j', {
      what: 'index for listing nodes of one kind',
      params: 'none',
      returns: 'nothing',
      statement: `CREATE INDEX entity_kind IF NOT EXISTS FOR (n:${label}) ON (n.kind)`,
    }),
  ];
}

/** Separates the items of a list property in a Kuzu COPY file (see kuzuFromText). */
export const KUZU_LIST_SEPARATOR = '\u241f';

/**
 * The Cypher that turns `text`, an expression giving a property's value as text (or null), into a
 * value of the property's type. A Kuzu COPY file holds every value as text (Kuzu 0.11 infers a
 * parameter's or column's type from its first values, so 562000 then 45000.5 would be read wrongly).
 */
export function kuzuFromText(value: string, type: PropType): string {
  switch (type) {
    case 'string':
      return value;
    case 'int':
      return `CAST(${value} AS INT64)`;
    case 'float':
      return `CAST(${value} AS DOUBLE)`;
    case 'string[]':
      return `string_split(${value}, '${KUZU_LIST_SEPARATOR}')`;
    case 'int[]':
      return `list_transform(string_split(${value}, '${KUZU_LIST_SEPARATOR}'), x -> CAST(x AS INT64))`;
  }
}

/**
 * What a Neo4j load's staged graph calls a served label: `Staged` before it. A load writes its graph
 * under these labels, which no read matches, in batches each committed on its own, derives on it,
 * and then swaps them for the served labels in one transaction (cypher/load/, neo4j-staged-load.ts).
 */
export function stagedLabel(label: string): string {
  return `Staged${label}`;
}

/** The name of the staged variant of a derive query. */
export function stagedDeriveQueryName(name: string): string {
  return `${name}Staged`;
}

const SERVED_LABELS = new Set<string>([NEO4J_ENTITY_LABEL, ...NODE_KINDS]);

/**
 * `text` with every node label of its patterns (`(o:Organisation)`, `(w:Programme|Project)`,
 * `(:Entity)`) renamed to its staged label. Relationship types stay: a staged graph's relationships
 * join staged nodes only. Throws where the result could reach past the staged graph: a label that
 * is not the model's, a MATCH that starts from no staged label and no variable bound before it, and
 * label tests or writes outside patterns (`WHERE n:Organisation`, `SET n:Organisation`, `n IS X`),
 * which this renaming does not see.
 */
export function stagedText(name: string, text: string): string {
  const out = text.replace(/\((\s*\w*\s*):([A-Za-z_][\w|:&]*)/g, (_, variable: string, labels: string) => {
    const staged = labels.replace(/[A-Za-z_]\w*/g, (label) => {
      if (!SERVED_LABELS.has(label)) throw new Error(`${name}: no staged label for ${label}`);
      return stagedLabel(label);
    });
    return `(${variable}:${staged}`;
  });
  const lines = out.split('\n');
  lines.forEach((line, i) => {
    if (!/^\s*(OPTIONAL\s+)?MATCH\b/.test(line)) return;
    const before = lines.slice(0, i).join('\n');
    const nodes = [...line.matchAll(/\((\w*)\s*(:[^)\s{]*)?[^)]*\)/g)];
    const anchored = nodes.some(
      ([, variable, labels]) =>
        labels?.startsWith(':Staged') || (variable && new RegExp(`\\b${variable}\\b`).test(before)),
    );
    if (!anchored)
      throw new Error(`${name}: ${line.trim()} starts from no staged label: it would read every graph`);
  });
  const outsidePatterns = out.replace(/\([^()]*\)/g, '()').replace(/\[[^\]]*\]/g, '[]');
  const labelTest = /\b\w+\s*:\s*[A-Z]\w*|\bIS\s+(?!NOT\b|NULL\b)[A-Z]/.exec(outsidePatterns);
  if (labelTest) throw new Error(`${name}: ${labelTest[0]} tests or sets a label outside a pattern`);
  return out;
}

/**
 * The derive statements as a Neo4j load runs them: on its staged graph (see stagedText), each in a
 * transaction of its own, before the switch. Made from the Neo4j text of each (cypher/derive/).
 */
function neo4jStagedDeriveFiles(): GeneratedFile[] {
  const { queries } = readCypherTree();
  return DERIVE_QUERIES.map((name) => {
    const source =
      queries.find((q) => q.name === name && q.variant === 'neo4j') ??
      queries.find((q) => q.name === name && q.variant === 'any');
    if (!source) throw new Error(`no Neo4j text for ${name} in cypher/derive/`);
    const staged = stagedDeriveQueryName(name);
    const text = [
      `// ${staged}: ${source.name} on a load's staged graph`,
      `// generated from cypher/${source.file} by \`npm run cypher:gen\`: do not edit`,
      `// params: ${source.params.length === 0 ? 'none' : source.params.map((p) => `$${p}`).join(', ')}`,
      `// returns: ${source.returns}`,
      stagedText(name, source.text),
      '',
    ].join('\n');
    return { path: `${GENERATED_DIR}/staged/${kebab(staged)}.neo4j.cypher`, text };
  });
}

/** Every generated file, in a stable order. */
export function generatedCypherFiles(): GeneratedFile[] {
  return [...kuzuSchemaFiles(), ...neo4jSchemaFiles(), ...readCypherFiles(), ...neo4jStagedDeriveFiles()];
}
