import {
  EDGE_KINDS,
  EDGE_MODEL,
  type EdgeKind,
  edgeProps,
  NEO4J_ENTITY_LABEL,
  NODE_KINDS,
  type NodeKind,
  nodeProps,
} from '../model/graph-model.js';
import {
  CORE_EDGE_KEYS,
  CORE_NODE_KEYS,
  NAMES_EDGE_KEYS,
  NAMES_NODE_KEYS,
  type Projection,
} from '../model/records.js';
import { ENGINE_NAMES, type Engine } from './engine.js';
import type { ListFilter, ListOrder } from './port.js';

/**
 * The read statements that follow mechanically from the graph model and the API's lists: one page
 * of a root list in each order, one page of a relationship field for each kind of parent,
 * relationship kind and direction, and lookups of nodes by id. The database filters, orders, counts
 * and cuts every page; Node only shapes the rows. Written into cypher/generated/read/ by
 * `npm run cypher:gen` and checked by `npm run cypher:check` like the other generated files.
 *
 * Why generated: Kuzu takes no label from a parameter and reads one relationship table only when
 * the pattern names it, and only a single equality on a labelled node's id uses its primary-key
 * index (a list of ids is a scan), so every combination of labels needs a text of its own.
 */

export interface ReadFile {
  /** Path under cypher/. */
  readonly path: string;
  readonly text: string;
}

export type Direction = 'out' | 'in';
export type SortDirection = 'asc' | 'desc';

const DIR = 'generated/read';

/**
 * Each read names its text at run time (listQueryName, relatedQueryName), from a bounded set of
 * parts: each spelling is worked out once. The regular expressions took 0.04 ms of a request that
 * reads 20 organisations, what they fund and those programmes' outcomes (a CPU profile, seed graph).
 */
function once(spell: (name: string) => string): (name: string) => string {
  const known = new Map<string, string>();
  return (name) => {
    let spelt = known.get(name);
    if (spelt === undefined) {
      spelt = spell(name);
      known.set(name, spelt);
    }
    return spelt;
  };
}

const kebab = once((name) =>
  name
    .replace(/_/g, '-')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase(),
);

const camel = once((kebabName) => kebabName.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()));

function readFile(
  folder: string,
  base: string,
  variant: 'any' | 'kuzu' | 'neo4j',
  header: { what: string; params: string; returns: string },
  statement: string,
): ReadFile {
  const text = [
    `// ${camel(base)}: ${header.what}`,
    '// generated from src/store/read-cypher.ts by `npm run cypher:gen`: do not edit',
    `// params: ${header.params}`,
    `// returns: ${header.returns}`,
    statement,
    '',
  ].join('\n');
  const suffix = variant === 'any' ? '' : `.${variant}`;
  return { path: `${DIR}/${folder}/${base}${suffix}.cypher`, text };
}

/* ------------------------------------------------------------------ projections */

const EVIDENCE = ['evSource', 'evLineStart', 'evLineEnd', 'evSection'] as const;
/** Keys the store sorts, filters and searches by; never handed out. */
const HIDDEN = new Set<string>([...EVIDENCE, 'sortName', 'searchText', 'fromId', 'toId']);

/** The properties a read of nodes of these kinds hands out (evidence apart), in a stable order. */
export function nodeColumns(kinds: readonly NodeKind[]): string[] {
  const columns: string[] = [];
  for (const kind of kinds) {
    for (const key of Object.keys(nodeProps(kind))) {
      if (!HIDDEN.has(key) && !columns.includes(key)) columns.push(key);
    }
  }
  return columns;
}

/** The properties a read of relationships of this kind hands out (evidence apart). */
export function edgeColumns(kind: EdgeKind): string[] {
  return Object.keys(edgeProps(kind)).filter((key) => !HIDDEN.has(key));
}

const evidence = (v: string) => (key: string) => `CASE WHEN $withEvidence THEN ${v}.${key} ELSE NULL END`;

/** `n.id AS id, ...`: a node as flat columns. */
function flatNode(v: string, kinds: readonly NodeKind[]): string {
  const ev = evidence(v);
  return [
    ...nodeColumns(kinds).map((key) => `${v}.${key} AS ${key}`),
    ...EVIDENCE.map((key) => `${ev(key)} AS ${key}`),
  ].join(', ');
}

/**
 * What a relationship page text reads: names, the core, everything but evidence, or everything.
 * Pages have no texts of ids: a page asked for ids reads its names.
 */
type RowRead = PageProjection | 'evidence';

/** The projections relationship pages have texts for. */
export type PageProjection = Exclude<Projection, 'ids'>;

/** The text a relationship page asked for `projection` reads: ids read the names. */
export function pageProjection(projection: Projection): PageProjection {
  return projection === 'ids' ? 'names' : projection;
}

/** The node and relationship keys a read of names or of the core names; null: every key. */
const READ_KEYS: Record<RowRead, { node: readonly string[]; edge: readonly string[] } | null> = {
  names: { node: NAMES_NODE_KEYS, edge: NAMES_EDGE_KEYS },
  core: { node: CORE_NODE_KEYS, edge: CORE_EDGE_KEYS },
  all: null,
  evidence: null,
};

/** `n.id AS id, ...`: a node's core properties as flat columns. */
function coreNode(v: string, kind: NodeKind): string {
  return nodeColumns([kind])
    .filter((key) => CORE_NODE_KEYS.includes(key))
    .map((key) => `${v}.${key} AS ${key}`)
    .join(', ');
}

/**
 * `n_id: o.id, ...` and `e_id: r.id, ...`: a relationship and the node at its other end, with their
 * evidence lists only in the text that reads them: Kuzu reads every column a text names, also
 * behind a CASE that is false, and the eight evidence lists made up 40 % of a page's time. The core
 * and names texts name only their keys (see Projection in model/records.ts). Neither kind is read:
 * the relationship's is the text's, the node's its id's prefix (the reader puts both back, see
 * relatedRows). Every value costs on both sides of Neo4j's wire: one funder's 100 lines with their
 * count took 2.19 ms through the driver without the two kinds and the parent, 2.32 without the
 * role, period rank and node period, 2.46 with all of them (p50 of 600, 100k relationships).
 */
function rowEntries(
  r: string,
  edge: EdgeKind,
  o: string,
  kinds: readonly NodeKind[],
  read: RowRead,
): (readonly [string, string])[] {
  const keys = READ_KEYS[read];
  return [
    ...edgeColumns(edge)
      .filter((key) => key !== 'kind' && (!keys || keys.edge.includes(key)))
      .map((key) => [`e_${key}`, `${r}.${key}`] as const),
    ...(read === 'evidence' ? EVIDENCE.map((key) => [`e_${key}`, `${r}.${key}`] as const) : []),
    ...nodeColumns(kinds)
      .filter((key) => key !== 'kind' && (!keys || keys.node.includes(key)))
      .map((key) => [`n_${key}`, `${o}.${key}`] as const),
    ...(read === 'evidence' ? EVIDENCE.map((key) => [`n_${key}`, `${o}.${key}`] as const) : []),
    ['k1', 'K1'] as const,
  ];
}

/** The row as one map (Kuzu: a STRUCT, which its counted texts collect and cut). */
function rowMap(r: string, edge: EdgeKind, o: string, kinds: readonly NodeKind[], read: RowRead): string {
  return `{${rowEntries(r, edge, o, kinds, read)
    .map(([key, value]) => `${key}: ${value}`)
    .join(', ')}}`;
}

/**
 * The row as columns of the record (Neo4j): the driver decodes a map's keys again in every row (a
 * tenth of the service's main-thread time on a page of 100), a record's column names once.
 */
function rowColumns(r: string, edge: EdgeKind, o: string, kinds: readonly NodeKind[], read: RowRead): string {
  return rowEntries(r, edge, o, kinds, read)
    .map(([key, value]) => `${value} AS ${key}`)
    .join(', ');
}

/** The file name suffix of each kind of read. */
const READ_SUFFIX: Record<RowRead, string> = {
  names: '-names',
  core: '-core',
  all: '',
  evidence: '-with-evidence',
};

/* ------------------------------------------------------------------ node lookups */

export function countNodesQueryName(kind: NodeKind): string {
  return camel(`count-nodes-${kebab(kind)}`);
}

export function countEdgesQueryName(kind: EdgeKind): string {
  return camel(`count-edges-${kebab(kind)}`);
}

/** Counts per kind, one statement each: Kuzu cannot filter a scan of every table by kind (see RELATED_FILTERS). */
function countFiles(): ReadFile[] {
  return [
    ...NODE_KINDS.map((kind) =>
      readFile(
        'counts',
        `count-nodes-${kebab(kind)}`,
        'any',
        { what: `how many ${kind} nodes the graph holds`, params: 'none', returns: 'count (int)' },
        `MATCH (n:${kind})\nRETURN count(n) AS count`,
      ),
    ),
    ...EDGE_KINDS.flatMap((kind) => {
      const header = {
        what: `how many ${kind} relationships the graph holds`,
        params: 'none',
        returns: 'count (int)',
      };
      return [
        readFile(
          'counts',
          `count-edges-${kebab(kind)}`,
          'any',
          header,
          `MATCH ()-[r:${kind}]->()\nRETURN count(r) AS count`,
        ),
        // Neo4j: from a served node (a load's staged and retired graphs have the same types; the
        // count store still answers a pattern with one label).
        readFile(
          'counts',
          `count-edges-${kebab(kind)}`,
          'neo4j',
          header,
          `MATCH (:${NEO4J_ENTITY_LABEL})-[r:${kind}]->()\nRETURN count(r) AS count`,
        ),
      ];
    }),
  ];
}

export function nodeByIdQueryName(kind: NodeKind): string {
  return camel(`node-by-id-${kebab(kind)}`);
}

export function nodesByIdsQueryName(kind: NodeKind): string {
  return camel(`nodes-by-ids-${kebab(kind)}`);
}

export function nodesByFormerIdsQueryName(kind: NodeKind): string {
  return camel(`nodes-by-former-ids-${kebab(kind)}`);
}

function nodeLookupFiles(): ReadFile[] {
  return NODE_KINDS.flatMap((kind) => {
    const returns = `${kind} properties as columns (evidence lists when $withEvidence, else null)`;
    return [
      readFile(
        'nodes',
        `node-by-id-${kebab(kind)}`,
        'any',
        {
          what: `one ${kind} by id, through its primary key`,
          params: '$id (string), $withEvidence (boolean)',
          returns,
        },
        `MATCH (n:${kind} {id: $id})\nRETURN ${flatNode('n', [kind])}`,
      ),
      readFile(
        'nodes',
        `nodes-by-ids-${kebab(kind)}`,
        'any',
        {
          what: `${kind} nodes for a batch of ids, one row per id found`,
          params: '$ids (list of string, never empty), $withEvidence (boolean)',
          returns,
        },
        `MATCH (n:${kind})\nWHERE n.id IN $ids\nRETURN ${flatNode('n', [kind])}`,
      ),
      // Read only for ids no node has: a scan of the kind (neither engine indexes list elements),
      // which a lookup of a live id never pays.
      readFile(
        'nodes',
        `nodes-by-former-ids-${kebab(kind)}`,
        'any',
        {
          what: `${kind} nodes that took a batch of former ids (records merged into them), one row per id found`,
          params: '$ids (list of string, never empty), $withEvidence (boolean)',
          returns: `formerId (string), then ${returns}`,
        },
        `UNWIND $ids AS formerId\nMATCH (n:${kind})\nWHERE formerId IN n.formerIds\nRETURN formerId, ${flatNode('n', [kind])}`,
      ),
    ];
  });
}

/* ------------------------------------------------------------------ root lists */

/** The Cypher condition each root-list filter (named by the port) adds. */
export const LIST_FILTERS = {
  nameContains: '($nameContains IS NULL OR n.searchText CONTAINS $nameContains)',
  categories: 'n.category IN $categories',
  category: '($category IS NULL OR n.category = $category)',
  period: '($period IS NULL OR n.period = $period)',
  minFunded: 'n.fundedCount >= $minFunded',
  minCoFundedOutcomes: 'n.coFundedOutcomes >= $minCoFundedOutcomes',
  minFunders: 'n.funderCount >= $minFunders',
  measureContains: '($measureContains IS NULL OR lower(n.measure) CONTAINS $measureContains)',
  unit: '($unit IS NULL OR n.unit = $unit)',
  status: '($status IS NULL OR n.status = $status)',
  result: '($result IS NULL OR n.result = $result)',
  year: '($year IS NULL OR n.year = $year)',
} as const satisfies Record<ListFilter, string>;

/**
 * What each root-list order (named, with its value's type, by the port) sorts by before the name
 * (none for the name itself). Unknown periods sort after every period ('~' follows digits and
 * letters); `newest` puts recent years first and undated last in ascending order.
 */
export const LIST_ORDER_KEYS = {
  name: null,
  fundingGiven: 'n.fundingGiven',
  fundedCount: 'n.fundedCount',
  coFundedOutcomes: 'n.coFundedOutcomes',
  fundingReceived: 'n.fundingReceived',
  funderCount: 'n.funderCount',
  period: "coalesce(n.period, '~')",
  value: 'n.value',
  newest: '-coalesce(n.year, 0)',
} as const satisfies Record<ListOrder, string | null>;

export interface ListSpec {
  readonly kind: NodeKind;
  readonly filters: readonly ListFilter[];
  readonly orders: readonly ListOrder[];
}

const WORK_FILTERS = ['nameContains', 'period', 'minFunders'] as const;
const WORK_ORDERS = ['name', 'period', 'fundingReceived', 'funderCount'] as const;

/** Every root list of the API: what it filters by and how it can be ordered. */
export const LISTS = {
  Organisation: {
    kind: 'Organisation',
    filters: ['nameContains', 'categories', 'minFunded', 'minCoFundedOutcomes'],
    orders: ['name', 'fundingGiven', 'fundedCount', 'coFundedOutcomes'],
  },
  Programme: { kind: 'Programme', filters: WORK_FILTERS, orders: WORK_ORDERS },
  Project: { kind: 'Project', filters: [...WORK_FILTERS, 'categories'], orders: WORK_ORDERS },
  Metric: {
    kind: 'Metric',
    filters: ['nameContains', 'measureContains', 'unit', 'period', 'status'],
    orders: ['name', 'value'],
  },
  Person: { kind: 'Person', filters: ['nameContains'], orders: ['name'] },
  Outcome: { kind: 'Outcome', filters: ['nameContains', 'category'], orders: ['name'] },
  Award: { kind: 'Award', filters: ['result', 'year'], orders: ['newest'] },
  Report: { kind: 'Report', filters: [], orders: ['name'] },
  Place: { kind: 'Place', filters: ['nameContains', 'category'], orders: ['name'] },
} as const satisfies Record<NodeKind, ListSpec>;

export function listQueryName(
  kind: NodeKind,
  order: ListOrder,
  direction: SortDirection,
  projection: Projection = 'all',
  counted = false,
  open = false,
): string {
  return camel(
    // Lists have no texts of names: a list asked for names reads its core.
    `list-${kebab(kind)}-by-${kebab(order)}-${direction}${projection === 'all' ? '' : '-core'}${counted ? '-counted' : ''}${open ? '-open' : ''}`,
  );
}

export function countQueryName(kind: NodeKind): string {
  return camel(`count-${kebab(kind)}`);
}

/**
 * The keyset bounds of a page: rows strictly after $lo and strictly before $hi in the text's own
 * order (the caller passes sentinels for an open end). `>=` leads so that Neo4j can seek and read
 * its range index in order.
 */
function bounds(key: string | null, direction: SortDirection): string[] {
  const [after, before] = direction === 'asc' ? ['>', '<'] : ['<', '>'];
  if (!key) return [`n.nameRank ${after} $loRank`, `n.nameRank ${before} $hiRank`];
  return [
    `${key} ${after}= $loKey AND (${key} ${after} $loKey OR n.nameRank ${after} $loRank)`,
    `${key} ${before}= $hiKey AND (${key} ${before} $hiKey OR n.nameRank ${before} $hiRank)`,
  ];
}

function listFiles(): ReadFile[] {
  return Object.values(LISTS).flatMap((spec: ListSpec) => {
    const filters = spec.filters.map((f) => LIST_FILTERS[f]);
    const filterParams = spec.filters.map((f) => `$${f}`);
    const pages = spec.orders.flatMap((order) =>
      (['asc', 'desc'] as const).flatMap((direction) =>
        (['all', 'core'] as const).flatMap((projection) =>
          [false, true].map((counted) => {
            const core = projection === 'core';
            const key = LIST_ORDER_KEYS[order];
            const dir = direction.toUpperCase();
            const where = [...filters, ...bounds(key, direction)];
            const params = [
              ...filterParams,
              ...(key ? ['$loKey', '$loRank', '$hiKey', '$hiRank'] : ['$loRank', '$hiRank']),
              ...(core ? [] : ['$withEvidence (boolean)']),
              '$limit (int)',
            ];
            // A counted page also says how many nodes pass the filters: the count and the page in
            // one statement, for a totalCount asked with no cursor. Neo4j only: there a list page
            // with its count at 100k relationships took 10 to 16 % less time than the page and then
            // a count; Kuzu evaluates the filters on every node in the same statement, and took 8 %
            // more than the page and a count of the label in a second statement.
            return readFile(
              'lists',
              `list-${kebab(spec.kind)}-by-${kebab(order)}-${direction}${core ? '-core' : ''}${counted ? '-counted' : ''}`,
              counted ? 'neo4j' : 'any',
              {
                what: `one page of ${spec.kind} nodes, by ${order}${key ? ' then name' : ''}, ${dir}${core ? ', core properties only' : ''}${counted ? ', and how many pass the filters' : ''}`,
                params: params.join(', '),
                returns: `${counted ? 'total (int: how many pass the filters; no row when none does), ' : ''}${spec.kind} ${core ? 'core ' : ''}properties as columns${key ? ', sortKey (the order value)' : ''}`,
              },
              [
                ...(counted
                  ? [
                      `MATCH (n:${spec.kind})`,
                      ...(filters.length ? [`WHERE ${filters.join('\n  AND ')}`] : []),
                      'WITH count(n) AS total',
                    ]
                  : []),
                `MATCH (n:${spec.kind})`,
                `WHERE ${where.join('\n  AND ')}`,
                `RETURN ${counted ? 'total, ' : ''}${core ? coreNode('n', spec.kind) : flatNode('n', [spec.kind])}${key ? `, ${key} AS sortKey` : ''}`,
                `ORDER BY ${key ? `${key} ${dir}, ` : ''}n.nameRank ${dir}`,
                'LIMIT $limit',
              ].join('\n'),
            );
          }),
        ),
      ),
    );
    const count = readFile(
      'lists',
      `count-${kebab(spec.kind)}`,
      'any',
      {
        what: `how many ${spec.kind} nodes pass the list's filters`,
        params: filterParams.length > 0 ? filterParams.join(', ') : 'none',
        returns: 'count (int)',
      },
      [`MATCH (n:${spec.kind})`, ...(filters.length ? [`WHERE ${filters.join('\n  AND ')}`] : [])]
        .concat('RETURN count(n) AS count')
        .join('\n'),
    );
    // The open pages: the first (or last) page by name when no filter narrows the list, with no
    // filter terms or keyset bounds, which both engines evaluate on every node they walk even when
    // their parameters pass every node. Kuzu: the first 20 of the 100k graph's programmes in 0.70 ms
    // instead of 0.98 (p50 of 200 in-process). Neo4j: the first 21 organisations in 2.73 ms instead
    // of 3.22 through the driver (p50 of 500, 100k relationships; 2.74 against 3.18 on the seed
    // graph); its text keeps `nameRank IS NOT NULL`, without which it sorted every organisation
    // (5.01 ms) instead of reading the name rank's index in order. By name only: the other orders'
    // keys may be null, which their bounds leave out.
    const open = (['asc', 'desc'] as const).flatMap((direction) =>
      (['all', 'core'] as const).flatMap((projection) =>
        ENGINE_NAMES.map((engine) => {
          const core = projection === 'core';
          const dir = direction.toUpperCase();
          return readFile(
            'lists',
            `list-${kebab(spec.kind)}-by-name-${direction}${core ? '-core' : ''}-open`,
            engine,
            {
              what: `the first page of ${spec.kind} nodes, by name, ${dir}${core ? ', core properties only' : ''}, unfiltered`,
              params: `${core ? '' : '$withEvidence (boolean), '}$limit (int)`,
              returns: `${spec.kind} ${core ? 'core ' : ''}properties as columns`,
            },
            [
              `MATCH (n:${spec.kind})`,
              ...(engine === 'neo4j' ? ['WHERE n.nameRank IS NOT NULL'] : []),
              `RETURN ${core ? coreNode('n', spec.kind) : flatNode('n', [spec.kind])}`,
              `ORDER BY n.nameRank ${dir}`,
              'LIMIT $limit',
            ].join('\n'),
          );
        }),
      ),
    );
    return [...pages, ...open, count];
  });
}

/* ------------------------------------------------------------------ relationship fields */

/** One kind of relationship seen from one kind of node, in one direction. */
export interface RelatedShape {
  readonly parent: NodeKind;
  readonly edge: EdgeKind;
  readonly direction: Direction;
  /** The kinds of node at the other end. */
  readonly others: readonly NodeKind[];
}

/** Every (parent kind, relationship kind, direction) the model allows, with the kinds at the other end. */
export function relatedShapes(): readonly RelatedShape[] {
  shapesOfModel ??= shapesFromModel();
  return shapesOfModel;
}

/** Computed once: every request asks for them, and the model does not change. */
let shapesOfModel: readonly RelatedShape[] | undefined;

function shapesFromModel(): RelatedShape[] {
  const shapes = new Map<
    string,
    { parent: NodeKind; edge: EdgeKind; direction: Direction; others: NodeKind[] }
  >();
  for (const [edge, spec] of Object.entries(EDGE_MODEL) as [EdgeKind, (typeof EDGE_MODEL)[EdgeKind]][]) {
    for (const [from, to] of spec.pairs) {
      for (const [parent, direction, other] of [
        [from, 'out', to],
        [to, 'in', from],
      ] as const) {
        const key = `${parent}:${edge}:${direction}`;
        const shape = shapes.get(key) ?? { parent, edge, direction, others: [] };
        if (!shape.others.includes(other)) shape.others.push(other);
        shapes.set(key, shape);
      }
    }
  }
  return [...shapes.values()];
}

/**
 * A page text's name: `projection` unless evidence is read (evidence lies outside the core); a page
 * of one parent is `counted` in a text of its own, a batch's text counts when $withCount.
 */
export function relatedQueryName(
  shape: Pick<RelatedShape, 'parent' | 'edge' | 'direction'>,
  batch: boolean,
  withEvidence: boolean,
  projection: Projection = 'all',
  counted = false,
  open = false,
) {
  const read: RowRead = withEvidence ? 'evidence' : pageProjection(projection);
  const counting = batch ? '-batch' : counted ? '-counted' : '';
  return camel(
    `related-${kebab(shape.parent)}-${kebab(shape.edge)}-${shape.direction}${READ_SUFFIX[read]}${open ? '-open' : ''}${counting}`,
  );
}

/**
 * The reads that have open texts (see openRelatedFiles): a first page of ids and names or of core
 * properties, what lists and pages ask for; a page of every property or of evidence keeps its
 * filtered text.
 */
export const OPEN_READS: readonly PageProjection[] = ['names', 'core'];

/** `everyKind`: the count of relationships to any kind at the other end, which needs no look at it. */
export function relatedCountQueryName(
  shape: Pick<RelatedShape, 'parent' | 'edge' | 'direction'>,
  everyKind = false,
): string {
  return camel(
    `count-related-${kebab(shape.parent)}-${kebab(shape.edge)}-${shape.direction}${everyKind ? '-every-kind' : ''}`,
  );
}

function pattern(parent: string, edge: EdgeKind, direction: Direction): string {
  return direction === 'out' ? `(${parent})-[r:${edge}]->(o)` : `(${parent})<-[r:${edge}]-(o)`;
}

/**
 * Kinds are tested as text (`$otherKinds` is '|Organisation|Programme|'): Kuzu 0.11.3 returns
 * corrupted rows for IN or list_contains on a node variable that spans several tables (seen on the
 * fixture graph: an Award read back as a Project with a garbled id), and CONTAINS is not affected.
 */
const RELATED_FILTERS = [
  "$otherKinds CONTAINS ('|' + o.kind + '|')",
  "($role IS NULL OR lower(coalesce(r.role, '')) CONTAINS $role)",
  '($period IS NULL OR r.period = $period)',
];

/**
 * The filters of one relationship field. A figure's link (MEASURES, EVIDENCES) has no period of
 * its own: `metrics(period:)` asks for the figures of a period, so the period tested is the
 * figure's, at whichever end it is (o when the parent is what it measures, p when it is the figure).
 */
function relatedFilters(edge: EdgeKind, direction: Direction): string[] {
  if (!EDGE_MODEL[edge].periodOfFigure) return RELATED_FILTERS;
  const figure = direction === 'in' ? 'o' : 'p';
  return [...RELATED_FILTERS.slice(0, 2), `($period IS NULL OR ${figure}.period = $period)`];
}

/**
 * The order of a relationship page as three numbers, each multiplied by $dir (1 ascending, -1
 * descending) so that one text serves both directions: the value sorted by (the amount, the
 * period's rank, or the constant $orderConstant: 0 for name order, the kind's rank for kind order),
 * the other node's name rank, and the relationship's tie key. Every branch is a float: Kuzu 0.11
 * rounds a CASE whose branches mix integers and floats to an integer. `+ 0.0` turns the -0.0 that
 * 0.0 * -1 gives into 0.0: Neo4j 5.26 holds -0.0 = 0.0 and -0.0 < 0.0 both true, so a descending
 * page bounded at 0.0 found nothing after it.
 */
function sortKeys(edge: EdgeKind): string {
  const amount = EDGE_MODEL[edge].props['amount']
    ? "WHEN $orderBy = 'amount' THEN coalesce(r.amount, 0.0) "
    : '';
  return [
    `CASE ${amount}WHEN $orderBy = 'period' THEN r.periodRank * 1.0 ELSE $orderConstant * 1.0 END * $dir + 0.0 AS K1`,
    'o.nameRank * $dir AS K2',
    'r.tieKey * $dir AS K3',
  ].join(', ');
}

const RELATED_BOUNDS = [
  '(K1 > $lo1 OR (K1 = $lo1 AND (K2 > $lo2 OR (K2 = $lo2 AND K3 > $lo3))))',
  '(K1 < $hi1 OR (K1 = $hi1 AND (K2 < $hi2 OR (K2 = $hi2 AND K3 < $hi3))))',
];

const RELATED_ORDER = 'K1 * $page, K2 * $page, K3 * $page';

/**
 * Kuzu's join order for a relationship field: start at the parents and walk their relationships
 * out to the other ends. Left to itself Kuzu 0.11 reads it backwards whenever the other end has a
 * filter (the kind test): it scanned every Organisation and every FUNDS relationship to find one
 * programme's six funders (100k relationships: 28 ms, 15 ms hinted; the count 15 ms, 4 hinted).
 * Neo4j plans from the parents' id index by itself and has no HINT clause.
 */
const FROM_PARENT = 'HINT (p JOIN r) JOIN o';

/**
 * Whether a Kuzu text takes FROM_PARENT: all but an open text of one parent found by its primary
 * key. With no filter at the other end Kuzu plans from the parent by itself, and the hint cost it
 * time: one funder's 200 lines, the first 100 and their count, in 11.7 ms instead of 14.3 at 1M
 * relationships, 6.2 instead of 6.4 at 100k (in-process, p50 of 150, interleaved); a programme's
 * funders, outcomes and parts 0.1 to 0.3 ms less each. Open texts of a batch of parents kept it:
 * without it they were the same within noise (20 organisations' or programmes' pages, 100k and 1M).
 */
function hinted(open: boolean, byKey: boolean): readonly string[] {
  return open && byKey ? [] : [FROM_PARENT];
}

/**
 * The same for co-funders of a batch of organisations: from the funders, through what they fund,
 * to the other funders. Unhinted, Kuzu 0.11 read the co-funder sums of two organisations (one a
 * hub; 5,160 rows at 100k relationships) in 1.1 to 1.7 s; hinted in 50 to 100 ms. A single funder,
 * found by its primary key, is planned from it already (hinting it changed nothing).
 */
const FROM_FUNDER = 'HINT (((a JOIN ownLine) JOIN w) JOIN otherLine) JOIN b';

const RELATED_PARAMS = [
  "$otherKinds (the kinds at the other end, each framed by |: '|Organisation|')",
  '$role (lower-case text or null)',
  '$period (string or null)',
  "$orderBy ('name', 'kind', 'period' or 'amount')",
  '$orderConstant (number)',
  '$dir (1 or -1)',
  '$lo1, $lo2, $lo3, $hi1, $hi2, $hi3 (numbers: the keys, times $dir, the page lies strictly between)',
  '$page (1 forward, -1 backward)',
  '$limit (int)',
];

const WITH_COUNT = '$withCount (boolean: also return total; asked only with open bounds)';

/** An open text's parameters: a first page (or last) of every relationship of the field, unfiltered. */
const OPEN_PARAMS = [
  "$orderBy ('name', 'kind', 'period' or 'amount')",
  '$orderConstant (number)',
  '$dir (1 or -1)',
  '$page (1 forward, -1 backward)',
  '$limit (int)',
];

const ROW_WHAT =
  'e_ relationship properties, n_ properties of the node at the other end, k1 the sort value times $dir';

function relatedReturns(engine: Engine) {
  const row = engine === 'kuzu' ? `row (map: ${ROW_WHAT})` : `the row as columns (${ROW_WHAT})`;
  return {
    plain: `parent (string), ${row}`,
    counted: `parent (string), total (int: how many relationships pass the filters; a parent with none has no row), ${row}`,
    batch: `parent (string), total (int when $withCount, else null: how many relationships pass the filters; a parent with none has no row), ${row}`,
  };
}

/** The headers of a field's three texts (one parent, one parent counted, a batch) on one engine. */
function relatedHeads(what: string, pageParams: readonly string[], engine: Engine) {
  const returns = relatedReturns(engine);
  const one = ['$parent (string)', ...pageParams].join(', ');
  return {
    plain: {
      what: `${what}: one page for one parent, through its primary key`,
      params: one,
      returns: returns.plain,
    },
    counted: {
      what: `${what}: one page for one parent, through its primary key, and how many there are`,
      params: one,
      returns: returns.counted,
    },
    batch: {
      what: `${what}: one page for each of a batch of parents`,
      params: ['$parents (list of string, never empty)', ...pageParams, WITH_COUNT].join(', '),
      returns: returns.batch,
    },
  };
}

/**
 * Kuzu has no CALL subquery: a counted page (and a batch of pages) is every row of the parent (or
 * the batch) in order, each parent's list cut by list_slice. Aggregating after ORDER BY keeps the
 * order (relied on for Kuzu 0.11.3, its final release, and checked by the paging tests). The count
 * comes with the same aggregation; with open bounds it is the field's totalCount, which then needs no
 * statement of its own (a funder's 184 lines at 100k relationships: the count took 2 to 3 ms more).
 * A page of one parent asked without a count keeps ORDER BY ... LIMIT, about 1 ms faster.
 * `byKey`: the pattern finds one parent by its primary key (see hinted).
 */
function kuzuCollected(
  parentPattern: string,
  where: string,
  edge: EdgeKind,
  row: string,
  total: string,
  open = false,
  byKey = false,
): string {
  return [
    `MATCH ${parentPattern}`,
    ...(where ? [`WHERE ${where}`] : []),
    ...hinted(open, byKey),
    `WITH p, r, o, ${sortKeys(edge)}`,
    ...(open ? [] : [`WHERE ${RELATED_BOUNDS.join('\n  AND ')}`]),
    `WITH p, r, o, K1, K2, K3 ORDER BY ${RELATED_ORDER} SKIP 0`,
    `WITH p.id AS parent, count(*) AS total, list_slice(collect(${row}), 1, $limit) AS rows`,
    'UNWIND rows AS row',
    `RETURN parent, ${total} AS total, row`,
  ].join('\n');
}

/**
 * One page for one parent found by its primary key, cut by ORDER BY ... LIMIT: `filters` and the
 * keyset bounds when given (null: an open text, see openRelatedFiles), `returned` what follows the
 * parent's id in RETURN.
 */
function parentPage(
  byKey: string,
  engine: Engine,
  edge: EdgeKind,
  filters: string | null,
  returned: string,
): string {
  return [
    `MATCH ${byKey}`,
    ...(filters ? [`WHERE ${filters}`] : []),
    ...(engine === 'kuzu' ? hinted(filters === null, true) : []),
    `WITH p, r, o, ${sortKeys(edge)}`,
    ...(filters ? [`WHERE ${RELATED_BOUNDS.join('\n  AND ')}`] : []),
    `RETURN p.id AS parent, ${returned}`,
    `ORDER BY ${RELATED_ORDER}`,
    'LIMIT $limit',
  ].join('\n');
}

/**
 * Neo4j counts a parent's relationships in a subquery of its own (in a batch, only if $withCount);
 * an open text counts them all, unfiltered.
 */
function neo4jCount(edge: EdgeKind, direction: Direction, guarded: boolean, open = false): string[] {
  return [
    'CALL (p) {',
    ...(guarded ? ['  WITH p WHERE $withCount'] : []),
    `  MATCH ${pattern('p', edge, direction)}`,
    ...(open ? [] : [`  WHERE ${relatedFilters(edge, direction).join('\n    AND ')}`]),
    '  RETURN count(*) AS total',
    '}',
  ];
}

/** Neo4j's counted page of one parent found by its key: filtered and bounded, or open (no filters). */
function neo4jCounted(
  parent: NodeKind,
  edge: EdgeKind,
  direction: Direction,
  columns: string,
  open: boolean,
) {
  return [
    `MATCH (p:${parent} {id: $parent})`,
    ...neo4jCount(edge, direction, false, open),
    `MATCH ${pattern('p', edge, direction)}`,
    ...(open ? [] : [`WHERE ${relatedFilters(edge, direction).join('\n  AND ')}`]),
    `WITH p, total, r, o, ${sortKeys(edge)}`,
    ...(open ? [] : [`WHERE ${RELATED_BOUNDS.join('\n  AND ')}`]),
    `RETURN p.id AS parent, total, ${columns}`,
    `ORDER BY ${RELATED_ORDER}`,
    'LIMIT $limit',
  ].join('\n');
}

/** Neo4j's pages of a batch of parents, each cut in a subquery: filtered and bounded, or open. */
function neo4jBatch(
  parent: NodeKind,
  edge: EdgeKind,
  direction: Direction,
  columns: string,
  columnNames: string,
  open: boolean,
) {
  return [
    `MATCH (p:${parent})`,
    'WHERE p.id IN $parents',
    ...neo4jCount(edge, direction, true, open),
    'CALL (p) {',
    `  MATCH ${pattern('p', edge, direction)}`,
    ...(open ? [] : [`  WHERE ${relatedFilters(edge, direction).join('\n    AND ')}`]),
    `  WITH r, o, ${sortKeys(edge)}`,
    ...(open ? [] : [`  WHERE ${RELATED_BOUNDS.join('\n    AND ')}`]),
    `  RETURN ${columns}`,
    `  ORDER BY ${RELATED_ORDER}`,
    '  LIMIT $limit',
    '}',
    `RETURN p.id AS parent, CASE WHEN $withCount THEN total ELSE NULL END AS total, ${columnNames}`,
  ].join('\n');
}

function relatedFiles(): ReadFile[] {
  const files: ReadFile[] = [];
  const reads: readonly RowRead[] = ['names', 'core', 'all', 'evidence'];
  for (const [shape, read] of relatedShapes().flatMap((s) => reads.map((r) => [s, r] as const))) {
    const { parent, edge, direction, others } = shape;
    const base = `related-${kebab(parent)}-${kebab(edge)}-${direction}${READ_SUFFIX[read]}`;
    const detail = {
      names: ', ids and names only',
      core: ', core properties only',
      all: '',
      evidence: ', evidence included',
    }[read];
    const what = `${edge} relationships ${direction === 'out' ? 'from' : 'to'} ${parent} nodes, with the node at the other end${detail}`;
    const row = rowMap('r', edge, 'o', others, read);
    const columns = rowColumns('r', edge, 'o', others, read);
    const columnNames = rowEntries('r', edge, 'o', others, read)
      .map(([key]) => key)
      .join(', ');
    const heads = (engine: Engine) => relatedHeads(what, RELATED_PARAMS, engine);
    const kuzu = heads('kuzu');
    const neo4j = heads('neo4j');
    const byKey = pattern(`p:${parent} {id: $parent}`, edge, direction);
    for (const engine of ENGINE_NAMES) {
      files.push(
        readFile(
          'related',
          base,
          engine,
          heads(engine).plain,
          parentPage(
            byKey,
            engine,
            edge,
            relatedFilters(edge, direction).join('\n  AND '),
            engine === 'kuzu' ? `${row} AS row` : columns,
          ),
        ),
      );
    }
    files.push(
      readFile(
        'related',
        `${base}-counted`,
        'kuzu',
        kuzu.counted,
        kuzuCollected(
          byKey,
          relatedFilters(edge, direction).join('\n  AND '),
          edge,
          row,
          'total',
          false,
          true,
        ),
      ),
      readFile(
        'related',
        `${base}-batch`,
        'kuzu',
        kuzu.batch,
        kuzuCollected(
          pattern(`p:${parent}`, edge, direction),
          `p.id IN $parents\n  AND ${relatedFilters(edge, direction).join('\n  AND ')}`,
          edge,
          row,
          'CASE WHEN $withCount THEN total ELSE NULL END',
        ),
      ),
      readFile(
        'related',
        `${base}-counted`,
        'neo4j',
        neo4j.counted,
        neo4jCounted(parent, edge, direction, columns, false),
      ),
      readFile(
        'related',
        `${base}-batch`,
        'neo4j',
        neo4j.batch,
        neo4jBatch(parent, edge, direction, columns, columnNames, false),
      ),
    );
  }
  files.push(...openRelatedFiles());
  for (const { parent, edge, direction } of relatedShapes()) {
    for (const engine of ENGINE_NAMES) {
      files.push(
        readFile(
          'related',
          `count-related-${kebab(parent)}-${kebab(edge)}-${direction}`,
          engine,
          {
            what: `how many ${edge} relationships ${direction === 'out' ? 'start' : 'end'} at each of a batch of ${parent} nodes, filtered as their pages are`,
            params:
              "$parents (list of string, never empty), $otherKinds (kinds framed by |: '|Organisation|'), $role (lower-case text or null), $period (string or null)",
            returns: 'parent (string), count (int); parents with none are absent',
          },
          [
            `MATCH ${pattern(`p:${parent}`, edge, direction)}`,
            `WHERE p.id IN $parents\n  AND ${relatedFilters(edge, direction).join('\n  AND ')}`,
            ...(engine === 'kuzu' ? [FROM_PARENT] : []),
            'RETURN p.id AS parent, count(r) AS count',
          ].join('\n'),
        ),
      );
    }
    // Counting every relationship whatever the kind at its other end (the usual totalCount) reads
    // no node there: on Kuzu 1.2 ms instead of 3.8 for a programme's funders at 100k relationships.
    // The parents stay a filtered scan (IN): looked up by primary key, Kuzu 0.11 planned the count
    // from the relationships' other end again (9.6 ms).
    files.push(
      readFile(
        'related',
        `count-related-${kebab(parent)}-${kebab(edge)}-${direction}-every-kind`,
        'any',
        {
          what: `how many ${edge} relationships ${direction === 'out' ? 'start' : 'end'} at each of a batch of ${parent} nodes, whatever the kind at their other end, filtered as their pages are`,
          params:
            '$parents (list of string, never empty), $role (lower-case text or null), $period (string or null)',
          returns: 'parent (string), count (int); parents with none are absent',
        },
        [
          // ...unless the period to test is the figure's at that end.
          `MATCH ${EDGE_MODEL[edge].periodOfFigure && direction === 'in' ? pattern(`p:${parent}`, edge, direction) : pattern(`p:${parent}`, edge, direction).replace('(o)', '()')}`,
          `WHERE p.id IN $parents\n  AND ${relatedFilters(edge, direction).slice(1).join('\n  AND ')}`,
          'RETURN p.id AS parent, count(r) AS count',
        ].join('\n'),
      ),
    );
  }
  return files;
}

/**
 * The open texts: a field's first page (or last) when nothing narrows it, so no kind test, role,
 * period or keyset bound. Both engines evaluate each of those on every relationship of the parent,
 * even when its parameter makes it true. Kuzu: a programme's six funders read in 3.1 ms instead of
 * 3.8 (p50 of 100, in-process, 100k relationships), the parts and outcomes of e alike. Neo4j 5.26
 * keeps the terms in its plan too (each parameter may change between runs of the one plan): through
 * the driver at 100k relationships, one funder's 100 lines and their count (a) in 2.10 ms instead of
 * 2.34, a programme's funders, outcomes and parts (e) 1.62 instead of 1.75, what 20 organisations
 * fund 2.38 instead of 2.63 (p50 of 500, interleaved).
 */
function openRelatedFiles(): ReadFile[] {
  return relatedShapes().flatMap(({ parent, edge, direction, others }) =>
    OPEN_READS.flatMap((read) => {
      const base = `related-${kebab(parent)}-${kebab(edge)}-${direction}${READ_SUFFIX[read]}-open`;
      const what = `${edge} relationships ${direction === 'out' ? 'from' : 'to'} ${parent} nodes, with the node at the other end, ${read === 'names' ? 'ids and names only' : 'core properties only'}, unfiltered and unbounded`;
      const row = rowMap('r', edge, 'o', others, read);
      const columns = rowColumns('r', edge, 'o', others, read);
      const columnNames = rowEntries('r', edge, 'o', others, read)
        .map(([key]) => key)
        .join(', ');
      const byKey = pattern(`p:${parent} {id: $parent}`, edge, direction);
      const kuzu = relatedHeads(what, OPEN_PARAMS, 'kuzu');
      const neo4j = relatedHeads(what, OPEN_PARAMS, 'neo4j');
      return [
        readFile('related', base, 'kuzu', kuzu.plain, parentPage(byKey, 'kuzu', edge, null, `${row} AS row`)),
        readFile('related', base, 'neo4j', neo4j.plain, parentPage(byKey, 'neo4j', edge, null, columns)),
        readFile(
          'related',
          `${base}-counted`,
          'kuzu',
          kuzu.counted,
          kuzuCollected(byKey, '', edge, row, 'total', true, true),
        ),
        readFile(
          'related',
          `${base}-counted`,
          'neo4j',
          neo4j.counted,
          neo4jCounted(parent, edge, direction, columns, true),
        ),
        readFile(
          'related',
          `${base}-batch`,
          'kuzu',
          kuzu.batch,
          kuzuCollected(
            pattern(`p:${parent}`, edge, direction),
            'p.id IN $parents',
            edge,
            row,
            'CASE WHEN $withCount THEN total ELSE NULL END',
            true,
          ),
        ),
        readFile(
          'related',
          `${base}-batch`,
          'neo4j',
          neo4j.batch,
          neo4jBatch(parent, edge, direction, columns, columnNames, true),
        ),
      ];
    }),
  );
}

/* ------------------------------------------------------------------ funding */

/** `prefix_id: r.id, ...`: a FUNDS relationship as map entries. */
function fundsEntries(r: string, prefix: string): string[] {
  const ev = evidence(r);
  return [
    ...edgeColumns('FUNDS').map((key) => `${prefix}${key}: ${r}.${key}`),
    ...EVIDENCE.map((key) => `${prefix}${key}: ${ev(key)}`),
  ];
}

/** An organisation's core properties but its id (see Projection in model/records.ts). */
const CORE_REST = nodeColumns(['Organisation']).filter((key) => key !== 'id' && CORE_NODE_KEYS.includes(key));

const ORGANISATION_ENTRIES = (o: string) =>
  nodeColumns(['Organisation']).map((key) => `n_${key}: ${o}.${key}`);

/**
 * How funding reaches an outcome (see model/co-funding.ts): the programme or project it went to
 * aims at the outcome, or a project of the programme it went to does. PART_OF is walked zero times
 * or once, and once only from a project into a programme.
 */
const REACHES = (w: string, c: string) =>
  `(${c}.id = ${w}.id OR (${w}.kind = 'Programme' AND ${c}.kind = 'Project'))`;

/**
 * The outcomes one organisation's funding reaches (binds x), one step at a time from the bound
 * node: written as one pattern, Kuzu 0.11 planned it from every outcome (550 ms for a hub at 100k
 * relationships, 30 ms in steps).
 */
const PARTNER_OUTCOMES = [
  'MATCH (me:Organisation {id: $partner})-[m:FUNDS]->(w0)',
  'WHERE $period IS NULL OR m.period = $period',
  'WITH DISTINCT w0',
  'MATCH (w0)<-[:PART_OF*0..1]-(c0)-[:AIMS_AT]->(x:Outcome)',
  `WHERE ${REACHES('w0', 'c0')}`,
  'WITH DISTINCT x',
];

/**
 * From bound outcomes x to the programmes and projects whose funding reaches them (binds x, w: each
 * pair once), narrowed to one funded node when asked. From x, not from w: Kuzu planned the pattern
 * from every node when w came first (2 s for a hub's outcomes at 100k relationships, 250 ms so).
 * A pair once, however many projects join them: a line reached twice changes no count or sum.
 */
const WORKS_REACHING = [
  'MATCH (c)-[:AIMS_AT]->(x)',
  'WITH DISTINCT x, c',
  'MATCH (c)-[:PART_OF*0..1]->(w)',
  `WHERE ${REACHES('w', 'c')}`,
  '  AND ($via IS NULL OR w.id = $via OR c.id = $via)',
  'WITH DISTINCT x, w',
];

/**
 * What co-funding summaries return per outcome, from the outcomes and works bound above (x, w):
 * its funders counted, or its money summed as model/funding-lines.ts sums (a total left to its
 * shares, a conflict group once at its lowest figure in low and its highest in high). Two
 * statements, not one: counting funders and grouping lines in one aggregation needs a group per
 * outcome and line with its funders collected, which filled Kuzu's 256 MB buffer pool for a hub at
 * 100k relationships (334,524 lines); each of these runs in it. The money is grouped per work and
 * line first, then per outcome and line: each FUNDS relationship is read once (a hub's outcomes:
 * 44,951 lines, not 316,475 pairs of an outcome and a line), and a line's lowest and highest figure
 * over its works are the lowest and highest of each work's.
 */
const CO_FUNDING_PARTS = {
  funders: {
    what: 'how many organisations fund it',
    returns: 'outcome (string), funders (int: organisations whose funding reaches it)',
    tail: [
      'MATCH (f:Organisation)-[r:FUNDS]->(w)',
      'WHERE $period IS NULL OR r.period = $period',
      'RETURN x.id AS outcome, count(DISTINCT f.id) AS funders',
    ].join('\n'),
  },
  money: {
    what: 'what reaches it, summed as funding lines are',
    returns:
      'outcome (string), low, high (floats: its funding summed), conflicting (int: 1 when figures of a line disagree)',
    tail: [
      'WITH w, collect(x.id) AS outcomes',
      'MATCH (f:Organisation)-[r:FUNDS]->(w)',
      'WHERE $period IS NULL OR r.period = $period',
      "WITH w, outcomes, CASE WHEN coalesce(r.lineRole, '') = 'total' THEN NULL ELSE coalesce(r.conflictGroup, r.jointGroup, r.id) END AS line, coalesce(r.amount, 0.0) AS amount",
      'WITH w, outcomes, line, min(amount) AS workLow, max(amount) AS workHigh',
      'UNWIND outcomes AS outcome',
      'WITH outcome, line, min(workLow) AS lineLow, max(workHigh) AS lineHigh',
      'WITH outcome, sum(CASE WHEN line IS NULL THEN 0.0 ELSE lineLow END) AS low, sum(CASE WHEN line IS NULL THEN 0.0 ELSE lineHigh END) AS high,',
      '  max(CASE WHEN line IS NOT NULL AND lineLow <> lineHigh THEN 1 ELSE 0 END) AS conflicting',
      'RETURN outcome, low, high, conflicting',
    ].join('\n'),
  },
} as const;

const CO_FUNDING_RETURNS =
  'outcome, via (the node funded), contributor (the node aiming at the outcome), status (aimed or achieved), funder (strings), line (map: e_ properties of the FUNDS relationship)';

/** The co-funder sums, each a statement of its own (see coFunderSums in cypher-reader.ts). */
export const CO_FUNDER_SUM_PARTS = ['shares', 'shares-core', 'shares-ids', 'own', 'other'] as const;
export type CoFunderSumPart = (typeof CO_FUNDER_SUM_PARTS)[number];

function coFunderSumBase(part: CoFunderSumPart, batch: boolean, everyPeriod: boolean): string {
  return `co-funder-${part}${everyPeriod ? '-every-period' : ''}${batch ? '-batch' : ''}`;
}

/** The text of a co-funder sum: `everyPeriod` ones (no period filter) exist on Kuzu only. */
export function coFunderSumQueryName(part: CoFunderSumPart, batch: boolean, everyPeriod: boolean): string {
  return camel(coFunderSumBase(part, batch, everyPeriod));
}

function fundingFiles(): ReadFile[] {
  const coFunderReturn = [
    'RETURN a.id AS org, b.id AS coFunder, w.id AS via,',
    `  {${fundsEntries('ownLine', 'e_').join(', ')}} AS ownLine,`,
    `  {${fundsEntries('otherLine', 'e_').join(', ')}} AS otherLine,`,
    `  {${ORGANISATION_ENTRIES('b').join(', ')}} AS coFunderNode`,
  ].join('\n');
  const coFunderWhere =
    'WHERE b.id <> a.id AND ($period IS NULL OR (ownLine.period = $period AND otherLine.period = $period))';
  const coFunderHeader = {
    returns:
      'org, coFunder, via (strings), ownLine and otherLine (maps: e_ properties of each FUNDS relationship), coFunderNode (map: n_ properties)',
  };
  const line = `{${fundsEntries('r', 'e_').join(', ')}} AS line`;
  const reachFrom = (x: string) =>
    `MATCH (f:Organisation)-[r:FUNDS]->(w)<-[:PART_OF*0..1]-(c)-[a:AIMS_AT]->(${x})`;
  const lineReturn = `RETURN x.id AS outcome, w.id AS via, c.id AS contributor, a.status AS status, f.id AS funder, ${line}`;
  // Co-funders summed in the database, for a query that asks for the sums and not the shared lines
  // (a hub shares thousands of pairs of lines with its co-funders, a few hundred co-funders).
  const sums = CO_FUNDER_SUM_PARTS.flatMap((part) =>
    ([false, true] as const).flatMap((batch) =>
      ([false, true] as const).flatMap((everyPeriod) => {
        const from = batch
          ? 'MATCH (a:Organisation)-[ownLine:FUNDS]->(w)<-[otherLine:FUNDS]-(b:Organisation)'
          : 'MATCH (a:Organisation {id: $id})-[ownLine:FUNDS]->(w)<-[otherLine:FUNDS]-(b:Organisation)';
        const where = `${everyPeriod ? 'WHERE b.id <> a.id' : coFunderWhere}${batch ? ' AND a.id IN $ids' : ''}`;
        const line = part === 'own' ? 'ownLine' : 'otherLine';
        // The label says the co-funder's kind: a constant, not a column read for every pair of lines.
        const grouped = part === 'shares-ids' ? ['nameRank'] : CORE_REST.filter((k) => k !== 'kind');
        const body =
          part === 'shares'
            ? [
                'WITH a, b, count(DISTINCT w.id) AS shared',
                `RETURN a.id AS org, b.id AS coFunder, shared, {${ORGANISATION_ENTRIES('b').join(', ')}} AS coFunderNode`,
              ]
            : part === 'shares-core' || part === 'shares-ids'
              ? [
                  // Grouped by the few values it returns: Kuzu then reads no other column of b
                  // (a funder's five co-funders at 100k relationships: 6 ms instead of 8.6). Each
                  // string column costs: ids and name ranks alone took 3.3 ms, the core 3.9.
                  `WITH a.id AS org, b.id AS coFunder, ${grouped.map((k) => `b.${k} AS ${k}`).join(', ')}, count(DISTINCT w.id) AS shared`,
                  // A read of ids hands out an empty name, as a core read hands out empty aliases.
                  `RETURN org, coFunder, shared, {n_id: coFunder, n_kind: 'Organisation', ${part === 'shares-ids' ? "n_name: '', " : ''}${grouped.map((k) => `n_${k}: ${k}`).join(', ')}} AS coFunderNode`,
                ]
              : [
                  // Each funding line once per pair of funders, then as model/funding-lines.ts sums:
                  // totals left to their shares, a conflict group once at its lowest figure.
                  `WITH DISTINCT a, b, ${line}`,
                  `WHERE coalesce(${line}.lineRole, '') <> 'total'`,
                  `WITH a, b, coalesce(${line}.conflictGroup, ${line}.jointGroup, ${line}.id) AS line, min(${line}.amount) AS low`,
                  'RETURN a.id AS org, b.id AS coFunder, coalesce(sum(low), 0.0) AS amount',
                ];
        const what = part.startsWith('shares')
          ? `each other organisation that funds something an organisation funds, and how many things both fund${part === 'shares-core' ? ' (its core properties only)' : part === 'shares-ids' ? ' (its id and name rank only)' : ''}`
          : `each co-funder of an organisation, with ${part === 'own' ? 'the organisation’s' : 'the co-funder’s'} funding of the things both fund, summed as funding lines are`;
        // Every period: Kuzu evaluates `$period IS NULL OR ...` on every pair of lines even when
        // $period is null (a funder's co-funders at 100k relationships: 4.0 ms with it, 3.5 without).
        const engines: readonly ('any' | Engine)[] = everyPeriod ? ['kuzu'] : batch ? ENGINE_NAMES : ['any'];
        return engines.map((engine) =>
          readFile(
            'funding',
            coFunderSumBase(part, batch, everyPeriod),
            engine,
            {
              what: `${what}${everyPeriod ? ', of every period' : ''}${batch ? ', for a batch of organisations' : ''}`,
              params: `${batch ? '$ids (list of string, never empty)' : '$id (string)'}${everyPeriod ? '' : ', $period (string or null)'}`,
              returns: part.startsWith('shares')
                ? 'org, coFunder (strings), shared (int), coFunderNode (map: n_ properties)'
                : 'org, coFunder (strings), amount (float)',
            },
            [from, where, ...(engine === 'kuzu' && batch ? [FROM_FUNDER] : []), ...body].join('\n'),
          ),
        );
      }),
    ),
  );
  return [
    ...sums,
    readFile(
      'funding',
      'co-funders-of',
      'any',
      {
        what: 'every other organisation that funds something one organisation funds, with both funding lines',
        params: '$id (string), $period (string or null), $withEvidence (boolean)',
        ...coFunderHeader,
      },
      [
        'MATCH (a:Organisation {id: $id})-[ownLine:FUNDS]->(w)<-[otherLine:FUNDS]-(b:Organisation)',
        coFunderWhere,
        coFunderReturn,
      ].join('\n'),
    ),
    ...ENGINE_NAMES.map((engine) =>
      readFile(
        'funding',
        'co-funders-of-batch',
        engine,
        {
          what: 'coFundersOf for a batch of organisations',
          params: '$ids (list of string, never empty), $period (string or null), $withEvidence (boolean)',
          ...coFunderHeader,
        },
        [
          'MATCH (a:Organisation)-[ownLine:FUNDS]->(w)<-[otherLine:FUNDS]-(b:Organisation)',
          `${coFunderWhere} AND a.id IN $ids`,
          ...(engine === 'kuzu' ? [FROM_FUNDER] : []),
          coFunderReturn,
        ].join('\n'),
      ),
    ),
    readFile(
      'funding',
      'co-funding-lines',
      'any',
      {
        what: 'every funding line that reaches an outcome, narrowed to one outcome, one funded node or one period when asked',
        params: '$outcome, $via, $period (string or null each), $withEvidence (boolean)',
        returns: CO_FUNDING_RETURNS,
      },
      [
        reachFrom('x:Outcome'),
        `WHERE ${REACHES('w', 'c')}`,
        '  AND ($outcome IS NULL OR x.id = $outcome)',
        '  AND ($via IS NULL OR w.id = $via OR c.id = $via)',
        '  AND ($period IS NULL OR r.period = $period)',
        lineReturn,
      ].join('\n'),
    ),
    readFile(
      'funding',
      'co-funding-lines-of-outcomes',
      'any',
      {
        what: 'every funding line that reaches each of a batch of outcomes',
        params: '$outcomes (list of string, never empty), $period (string or null), $withEvidence (boolean)',
        returns: CO_FUNDING_RETURNS,
      },
      [
        reachFrom('x:Outcome'),
        `WHERE x.id IN $outcomes AND ${REACHES('w', 'c')}`,
        '  AND ($period IS NULL OR r.period = $period)',
        lineReturn,
      ].join('\n'),
    ),
    ...(['funders', 'money'] as const).flatMap((part) => [
      readFile(
        'funding',
        `co-funding-${part}`,
        'any',
        {
          what: `per outcome, ${CO_FUNDING_PARTS[part].what}, narrowed to one outcome, one funded node or one period when asked (the lines of coFundingLines)`,
          params: '$outcome, $via, $period (string or null each)',
          returns: CO_FUNDING_PARTS[part].returns,
        },
        [
          'MATCH (x:Outcome)',
          'WHERE $outcome IS NULL OR x.id = $outcome',
          ...WORKS_REACHING,
          CO_FUNDING_PARTS[part].tail,
        ].join('\n'),
      ),
      readFile(
        'funding',
        `co-funding-${part}-of-partner`,
        'any',
        {
          what: `per outcome one organisation’s funding reaches, ${CO_FUNDING_PARTS[part].what} (the lines of coFundingLinesOfPartner)`,
          params: '$partner (string), $via, $period (string or null each)',
          returns: CO_FUNDING_PARTS[part].returns,
        },
        [...PARTNER_OUTCOMES, ...WORKS_REACHING, CO_FUNDING_PARTS[part].tail].join('\n'),
      ),
    ]),
    // With no funded node and no period asked, an outcome's funders are the count the load stored
    // (cypher/derive/derive-outcome-funders.cypher counts the same reach): no line is read.
    readFile(
      'funding',
      'co-funding-stored-funders',
      'any',
      {
        what: `per outcome that funding reaches, ${CO_FUNDING_PARTS.funders.what} as the load stored it, narrowed to one outcome when asked (coFundingFunders with no $via and no $period)`,
        params: '$outcome (string or null)',
        returns: CO_FUNDING_PARTS.funders.returns,
      },
      [
        'MATCH (x:Outcome)',
        'WHERE ($outcome IS NULL OR x.id = $outcome) AND x.funderCount > 0',
        'RETURN x.id AS outcome, x.funderCount AS funders',
      ].join('\n'),
    ),
    readFile(
      'funding',
      'co-funding-stored-funders-of-partner',
      'any',
      {
        what: `per outcome one organisation’s funding reaches, ${CO_FUNDING_PARTS.funders.what} as the load stored it (coFundingFundersOfPartner with no $via and no $period)`,
        params: '$partner (string), $period (null: the stored counts are of every period)',
        returns: CO_FUNDING_PARTS.funders.returns,
      },
      [...PARTNER_OUTCOMES, 'RETURN x.id AS outcome, x.funderCount AS funders'].join('\n'),
    ),
    readFile(
      'funding',
      'co-funding-lines-of-partner',
      'any',
      {
        what: 'every funding line that reaches an outcome one organisation’s funding reaches: the outcomes it co-funds, with all their funders',
        params: '$partner (string), $via, $period (string or null each), $withEvidence (boolean)',
        returns: CO_FUNDING_RETURNS,
      },
      [
        ...PARTNER_OUTCOMES,
        reachFrom('x'),
        `WHERE ${REACHES('w', 'c')}`,
        '  AND ($via IS NULL OR w.id = $via OR c.id = $via)',
        '  AND ($period IS NULL OR r.period = $period)',
        lineReturn,
      ].join('\n'),
    ),
  ];
}

/* ------------------------------------------------------------------ Neo4j indexes */

/**
 * Range indexes for the orders of root lists, so that Neo4j reads a page in index order instead of
 * sorting a whole label (Kuzu has no secondary indexes; it scans the kind's table).
 */
function neo4jIndexFiles(): ReadFile[] {
  // Every kind's ids too: the Entity constraint serves (n:Entity {id}) only, and the shared texts
  // match (n:Organisation {id: $id}) because Kuzu has no Entity table.
  const files: ReadFile[] = NODE_KINDS.map((kind) =>
    readFile(
      'indexes',
      `${kebab(kind)}-id-index`,
      'neo4j',
      { what: `index for looking ${kind} nodes up by id`, params: 'none', returns: 'nothing' },
      `CREATE INDEX ${kebab(kind).replace(/-/g, '_')}_id_index IF NOT EXISTS FOR (n:${kind}) ON (n.id)`,
    ),
  );
  // Every relationship type's ids: Neo4j indexes relationship properties per type only.
  for (const kind of EDGE_KINDS) {
    const name = `${kebab(kind)}-relationship-id-index`;
    files.push(
      readFile(
        'indexes',
        name,
        'neo4j',
        { what: `index for looking ${kind} relationships up by id`, params: 'none', returns: 'nothing' },
        `CREATE INDEX ${name.replace(/-/g, '_')} IF NOT EXISTS FOR ()-[r:${kind}]-() ON (r.id)`,
      ),
    );
  }
  for (const spec of Object.values(LISTS) as ListSpec[]) {
    for (const order of spec.orders) {
      const key = LIST_ORDER_KEYS[order];
      if (key && !/^n\.\w+$/.test(key)) continue;
      const props = key ? `${key}, n.nameRank` : 'n.nameRank';
      const name = `${kebab(spec.kind)}-${kebab(order)}-index`;
      files.push(
        readFile(
          'indexes',
          name,
          'neo4j',
          {
            what: `range index for ${spec.kind} pages in ${order} order`,
            params: 'none',
            returns: 'nothing',
          },
          `CREATE INDEX ${name.replace(/-/g, '_')} IF NOT EXISTS FOR (n:${spec.kind}) ON (${props})`,
        ),
      );
    }
  }
  return files;
}

/* ------------------------------------------------------------------ relationships by id */

const EDGES_BY_IDS_HEADER = {
  what: 'relationships for a batch of ids, with their endpoint ids, one row per id found',
  params: '$ids (list of string, never empty)',
  returns: 'from (string), to (string), r (relationship)',
};

/**
 * Relationships by id. Kuzu: a join on each id rather than `r.id IN $ids` (Kuzu 0.11.3 corrupts rows
 * of IN filters on scans that span several tables, see RELATED_FILTERS). Neo4j: one branch per
 * relationship type, each an index seek (its indexes are per type; a typeless pattern scanned every
 * relationship per id: 800 ms for a path's hops at 100k relationships), from a served node: a load's
 * staged graph, and the graph it replaced until it is deleted, hold relationships of the same ids.
 */
function edgeLookupFiles(): ReadFile[] {
  return [
    readFile(
      'edges',
      'edges-by-ids',
      'any',
      EDGES_BY_IDS_HEADER,
      [
        'UNWIND $ids AS relationshipId',
        'MATCH (a)-[r]->(b)',
        'WHERE r.id = relationshipId',
        'RETURN a.id AS from, b.id AS to, r',
      ].join('\n'),
    ),
    readFile(
      'edges',
      'edges-by-ids',
      'neo4j',
      EDGES_BY_IDS_HEADER,
      [
        'UNWIND $ids AS relationshipId',
        'CALL (relationshipId) {',
        EDGE_KINDS.map(
          (kind) => `  MATCH (a:${NEO4J_ENTITY_LABEL})-[r:${kind} {id: relationshipId}]->(b) RETURN a, r, b`,
        ).join('\n  UNION ALL\n'),
        '}',
        'RETURN a.id AS from, b.id AS to, r',
      ].join('\n'),
    ),
  ];
}

/** Names of the Neo4j index statements, run at start-up after the schema. */
export function neo4jIndexQueryNames(): string[] {
  return neo4jIndexFiles().map((f) => camel(f.path.split('/').pop()?.split('.')[0] ?? ''));
}

/** Every generated read file, in a stable order. */
export function readCypherFiles(): ReadFile[] {
  return [
    ...nodeLookupFiles(),
    ...countFiles(),
    ...listFiles(),
    ...relatedFiles(),
    ...fundingFiles(),
    ...edgeLookupFiles(),
    ...neo4jIndexFiles(),
  ];
}
