import { z } from 'zod';
import {
  EDGE_KINDS,
  type EdgeKind,
  isNodeKind,
  kindOfId,
  NODE_KINDS,
  type NodeKind,
  nodeProps,
} from '../model/graph-model.js';
import {
  type NodeView,
  RecordShapeError,
  rowToEdge,
  rowToEdgeView,
  rowToNodeView,
} from '../model/records.js';
import { nameFilterOf } from '../model/sort-keys.js';
import { RowShapeError } from './errors.js';
import type { Params, ReadLink, Row } from './executor.js';
import { GRAPH_META_KEYS } from './graph-meta.js';
import type {
  CitingQuery,
  CoFunderRow,
  CoFunderSum,
  CoFundingLine,
  CoFundingQuery,
  FundingEnd,
  FundingGrouping,
  FundingLineFilter,
  FundingLineRecord,
  FundingTotalRow,
  GraphReader,
  GraphVersion,
  ListFilterValues,
  ListKey,
  ListPage,
  ListQuery,
  PathRecord,
  RelatedKey,
  RelatedPage,
  RelatedQuery,
  RelatedRow,
  SearchEntry,
} from './port.js';
import { listKeyType } from './port.js';
import {
  CO_FUNDER_SUM_PARTS,
  type CoFunderSumPart,
  coFunderSumQueryName,
  countEdgesQueryName,
  countNodesQueryName,
  countQueryName,
  LISTS,
  type ListSpec,
  listQueryName,
  nodeByIdQueryName,
  nodesByFormerIdsQueryName,
  nodesByIdsQueryName,
  OPEN_READS,
  pageProjection,
  type RelatedShape,
  relatedCountQueryName,
  relatedQueryName,
  relatedShapes,
  type SortDirection,
} from './read-cypher.js';

/** Runs one named query and hands back its rows. */
export type RunQuery = (name: string, params: Params) => Promise<Row[]>;

/** Runs one named query whose list parameter another read's rows fill (see ReadScope.readAfter). */
export type RunAfter = (name: string, params: Params, link: ReadLink) => Promise<Row[]>;

/** The parents of a following read: not known in Node, they come from another read's rows. */
const LINKED = null;

/** Hand-written query names the reader runs, besides the generated ones (see readQueryNames). */
const HAND_WRITTEN = [
  'edgesByIds',
  'fundingTotalsByFunder',
  'fundingTotalsByTarget',
  'fundingTotalsByKind',
  'fundingTotalsByPeriod',
  'fundingGivenBy',
  'fundingReceivedBy',
  'fundingLines',
  'fundingLinePage',
  'fundingLinePageReversed',
  'fundingLineCount',
  'fundingLineSum',
  'coFundersOf',
  'coFundersOfBatch',
  'coFundingLines',
  'coFundingLinesOfOutcomes',
  'coFundingLinesOfPartner',
  'coFundingFunders',
  'coFundingFundersOfPartner',
  'coFundingMoney',
  'coFundingMoneyOfPartner',
  'coFundingStoredFunders',
  'coFundingStoredFundersOfPartner',
  'shortestPaths',
  'shortestPathsAvoiding',
  'searchEntries',
  'metricsInGroups',
  'reportsBySources',
  'citingNodes',
  'citingNodesReversed',
  'countCitingNodes',
  'graphMeta',
] as const;

/** Every query the reader may run: each adapter checks at start-up that its engine has them all. */
export function readQueryNames(): string[] {
  const shapes = relatedShapes();
  return [
    ...HAND_WRITTEN,
    // Those of every period are Kuzu's only, and looked for (coFunderSums).
    ...CO_FUNDER_SUM_PARTS.flatMap((part) =>
      [false, true].map((batch) => coFunderSumQueryName(part, batch, false)),
    ),
    ...Object.values(LISTS).flatMap((spec: ListSpec) => [
      countQueryName(spec.kind),
      ...spec.orders.flatMap((order) => [
        listQueryName(spec.kind, order, 'asc'),
        listQueryName(spec.kind, order, 'desc'),
      ]),
    ]),
    ...NODE_KINDS.flatMap((kind) => [
      nodeByIdQueryName(kind),
      nodesByIdsQueryName(kind),
      nodesByFormerIdsQueryName(kind),
    ]),
    ...shapes.flatMap((s) => [
      relatedQueryName(s, false, false),
      relatedQueryName(s, true, false),
      relatedQueryName(s, false, true),
      relatedQueryName(s, true, true),
      relatedCountQueryName(s),
      relatedCountQueryName(s, true),
    ]),
    ...NODE_KINDS.map(countNodesQueryName),
    ...EDGE_KINDS.map(countEdgesQueryName),
  ];
}

/* ------------------------------------------------------------------ row parsing */

function parseRows<T>(schema: z.ZodType<T>, rows: readonly Row[], query: string): T[] {
  return rows.map((row) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new RowShapeError(`a row of ${query}`, `${issue?.path.join('.')}: ${issue?.message}`);
    }
    return parsed.data;
  });
}

/** Turns a model shape error into the store's named error, at this boundary. */
function modelRow<T>(query: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof RecordShapeError)
      throw new RowShapeError(`${error.what} in ${query}`, error.problem);
    throw error;
  }
}

/**
 * Rows of a page read for a batch of parents: the parent's id and one map. Checked by hand, not
 * with zod: a page has a hundred of them, and the map's entries are checked by the model's reader.
 */
function parentRows(
  rows: readonly Row[],
  query: string,
): { parent: string; total: number | null; row: Record<string, unknown> }[] {
  return rows.map((r) => {
    // Kuzu's texts return the row as one map; Neo4j's as the record's own columns (see rowColumns in
    // read-cypher.ts), read with the same prefixes.
    const { parent, total, row = r } = r as { parent?: unknown; total?: unknown; row?: unknown };
    if (typeof parent !== 'string') throw new RowShapeError(`a row of ${query}`, 'parent: expected a string');
    if (total !== null && total !== undefined && !Number.isInteger(total))
      throw new RowShapeError(`a row of ${query}`, 'total: expected an integer or null');
    if (typeof row !== 'object' || row === null || Array.isArray(row))
      throw new RowShapeError(`a row of ${query}`, 'row: expected a map');
    return { parent, total: typeof total === 'number' ? total : null, row: row as Record<string, unknown> };
  });
}

/** Whether a list filter narrows nothing: no value, an empty text or list, a minimum of 0. */
function unfiltered(filter: ListFilterValues): boolean {
  return Object.entries(filter).every(
    ([key, v]) =>
      v === null ||
      v === undefined ||
      v === '' ||
      (v === 0 && key.startsWith('min')) ||
      (Array.isArray(v) && v.length === 0),
  );
}

/** Whether a page is counted with its rows: asked, and its bounds open (the texts count within them). */
function counted(query: RelatedQuery): boolean {
  return query.withCount && query.after === null && query.before === null;
}

const mapValue = z.record(z.string(), z.unknown());
const countOnly = z.object({ count: z.number().int() });
const metaRow = z.object({ key: z.string(), value: z.string().nullable() });
const edgeRow = z.object({ from: z.string(), to: z.string(), r: z.unknown() });
const countRow = z.object({ count: z.number().int() });
const fundingSumRow = z.object({
  currency: z.string(),
  low: z.number(),
  high: z.number(),
  lines: z.number().int(),
});

/** The funding lines filter as the texts' parameters (null: no filter). */
const fundingLineParams = (filter: FundingLineFilter): Params => ({
  funder: filter.funder,
  recipient: filter.recipient,
  period: filter.period,
  fundingKind: filter.fundingKind,
});
const parentCount = z.object({ parent: z.string(), count: z.number().int() });
const totalRow = z.object({
  key: z.string(),
  currency: z.string(),
  low: z.number(),
  high: z.number(),
  lines: z.number().int(),
  edges: z.number().int(),
  counterparts: z.number().int(),
});
const fundingLineRow = z.object({
  funder: z.string(),
  funderKind: z.string(),
  funderName: z.string(),
  recipient: z.string(),
  recipientKind: z.string(),
  recipientName: z.string(),
  r: z.unknown(),
});
const coFundingRow = z.object({
  outcome: z.string(),
  via: z.string(),
  contributor: z.string(),
  status: z.string(),
  funder: z.string(),
  line: mapValue,
});
const coFundingFundersRow = z.object({ outcome: z.string(), funders: z.number().int() });
const coFundingMoneyRow = z.object({
  outcome: z.string(),
  low: z.number(),
  high: z.number(),
  conflicting: z.number().int(),
});
const coFunderRow = z.object({
  org: z.string(),
  coFunder: z.string(),
  via: z.string(),
  ownLine: mapValue,
  otherLine: mapValue,
  coFunderNode: mapValue,
});
const pathRow = z.object({ nodeIds: z.array(z.string()), edgeIds: z.array(z.string()) });
const searchRow = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  aliases: z
    .array(z.string())
    .nullish()
    .transform((v) => v ?? []),
  degree: z.number().int(),
});
const coFunderAmount = z.object({ org: z.string(), coFunder: z.string(), amount: z.number() });
const coFunderShare = z.object({
  org: z.string(),
  coFunder: z.string(),
  shared: z.number().int(),
  coFunderNode: mapValue,
});
const idRank = z.object({ id: z.string(), nameRank: z.number().int() });

/* ------------------------------------------------------------------ keys and bounds */

/** Open ends of a page, as values every comparison passes. */
const MIN_NUMBER = -1e300;
const MAX_NUMBER = 1e300;
const MIN_TEXT = '';
const MAX_TEXT = '~~~~~~~~~~~~~~~~';
const MIN_RANK = -1;
const MAX_RANK = Number.MAX_SAFE_INTEGER;

const sign = (direction: SortDirection): 1 | -1 => (direction === 'asc' ? 1 : -1);
const flip = (direction: SortDirection): SortDirection => (direction === 'asc' ? 'desc' : 'asc');

/** How many statements a batch of keys takes: one equality lookup (Kuzu's index) or one list. */
function single<T>(keys: readonly T[]): keys is readonly [T] {
  return keys.length === 1;
}

const unique = <T>(keys: readonly T[]): T[] => [...new Set(keys)];

/** The allowed values of a node kind's `category`, which a list filter takes when none is asked. */
function categoriesOf(kind: NodeKind): readonly string[] {
  return nodeProps(kind)['category']?.values ?? [];
}

/** Kinds as the texts test them: each framed by | (see RELATED_FILTERS in read-cypher.ts). */
function kindList(kinds: readonly string[]): string {
  return `|${kinds.join('|')}|`;
}

/** The rank of a relationship kind in text order: the value `kind` order sorts by. */
function kindRank(kind: EdgeKind): number {
  return [...EDGE_KINDS].sort().indexOf(kind);
}

/** Compares two relationship keys already multiplied by the sort direction. */
function compareDirected(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The GraphReader both engines share: named queries from cypher/, rows parsed with zod at this
 * boundary, results put back in key order. Everything engine-specific is in the query texts and
 * the executor that runs them.
 */
export function createCypherReader(
  run: RunQuery,
  modelHash: string,
  /** Whether this engine has a text: a few optional texts exist for one engine only. */
  has: (name: string) => boolean,
  /** Where the engine reads a query's levels in one statement (Neo4j): see followingPages. */
  runAfter?: RunAfter,
): GraphReader {
  /**
   * The reads a later read may follow (followingPages), by the promise they handed out: the rows
   * of their one statement, the column that holds the ids, and how many rows are the page.
   */
  const followable = new WeakMap<
    Promise<unknown>,
    { readonly rows: Promise<Row[]>; readonly column: string; readonly keep: number | null }
  >();
  const nodeView = (query: string, raw: unknown, prefix = '') =>
    modelRow(query, () => rowToNodeView(raw, prefix));
  const edgeView = (query: string, raw: unknown, from: string, to: string, prefix = '') =>
    modelRow(query, () => rowToEdgeView(raw, from, to, prefix));

  /** Lists of one kind of node by ids: an equality lookup for one id, a list for more. */
  async function nodesOfKind(kind: NodeKind, ids: readonly string[], withEvidence: boolean) {
    const name = single(ids) ? nodeByIdQueryName(kind) : nodesByIdsQueryName(kind);
    const params = single(ids) ? { id: ids[0], withEvidence } : { ids, withEvidence };
    return (await run(name, params)).map((row) => nodeView(name, row));
  }

  function listParams(spec: ListSpec, filter: ListFilterValues): Params {
    const params: Record<string, unknown> = {};
    for (const name of spec.filters) {
      const value = filter[name];
      switch (name) {
        case 'nameContains':
          params[name] = nameFilterOf(typeof value === 'string' ? value : null);
          break;
        case 'measureContains':
          params[name] = typeof value === 'string' && value.trim() !== '' ? value.toLowerCase() : null;
          break;
        case 'categories':
          // Never an empty or null list: Kuzu 0.11 crashes on one in IN. No filter is every value.
          params[name] = Array.isArray(value) && value.length > 0 ? value : categoriesOf(spec.kind);
          break;
        case 'minFunded':
        case 'minCoFundedOutcomes':
        case 'minFunders':
          params[name] = typeof value === 'number' ? value : 0;
          break;
        default:
          params[name] = value ?? null;
      }
    }
    return params;
  }

  async function relatedRows(
    shape: RelatedShape,
    parents: readonly string[] | typeof LINKED,
    query: RelatedQuery,
    runner: RunQuery = run,
  ): Promise<{ parent: string; total: number | null; row: RelatedRow }[]> {
    const otherKinds = shape.others.filter((k) => query.otherKinds.includes(k));
    if (otherKinds.length === 0) return [];
    const d = sign(query.sortDirection);
    const bound = (key: RelatedKey | null, open: number) =>
      key ? [key.value * d, key.nameRank * d, key.tieKey * d] : [open, open, open];
    const [lo1, lo2, lo3] = bound(query.after, MIN_NUMBER);
    const [hi1, hi2, hi3] = bound(query.before, MAX_NUMBER);
    // Linked parents are many, or none, or one: a batch text reads them all alike.
    const batch = parents === LINKED || !single(parents);
    const withCount = counted(query);
    const order = {
      orderBy: query.order,
      orderConstant: query.order === 'kind' ? kindRank(shape.edge) : 0,
      dir: d,
      page: query.from === 'start' ? 1 : -1,
      limit: query.size + 1,
      // A batch text takes $withCount; a single parent's is counted or not by its name.
      ...(batch ? { withCount } : {}),
    };
    const parentParams = batch ? { parents: parents ?? [] } : { parent: (parents as readonly [string])[0] };
    // Nothing narrows the page: the open text, where the engine has one (read-cypher.ts).
    const open =
      otherKinds.length === shape.others.length &&
      !query.role &&
      query.period == null &&
      query.after === null &&
      query.before === null &&
      !query.withEvidence &&
      OPEN_READS.includes(pageProjection(query.projection))
        ? relatedQueryName(shape, batch, false, query.projection, withCount, true)
        : null;
    const name =
      open !== null && has(open)
        ? open
        : relatedQueryName(shape, batch, query.withEvidence, query.projection, withCount);
    const rows = await runner(
      name,
      name === open
        ? { ...parentParams, ...order }
        : {
            ...parentParams,
            otherKinds: kindList(otherKinds),
            role: query.role ? query.role.toLowerCase() : null,
            period: query.period,
            lo1,
            lo2,
            lo3,
            hi1,
            hi2,
            hi3,
            ...order,
          },
    );
    return parentRows(rows, name).map(({ parent, total, row }) => {
      // The texts read neither kind (read-cypher.ts, rowEntries): the relationship's is the shape's,
      // the node's is its id's prefix.
      row['e_kind'] = shape.edge;
      row['n_kind'] = typeof row['n_id'] === 'string' ? kindOfId(row['n_id']) : null;
      const node = nodeView(name, row, 'n_');
      const outgoing = shape.direction === 'out';
      const [from, to] = outgoing ? [parent, node.id] : [node.id, parent];
      const edge = edgeView(name, row, from, to, 'e_');
      const k1 = typeof row['k1'] === 'number' ? row['k1'] : 0;
      const tieKey = typeof row['e_tieKey'] === 'number' ? row['e_tieKey'] : 0;
      const nameRank = node.properties['nameRank'];
      return {
        parent,
        total,
        row: {
          edge,
          node,
          outgoing,
          key: { value: k1 * d, nameRank: typeof nameRank === 'number' ? nameRank : 0, tieKey },
        },
      };
    });
  }

  /**
   * The pages of `parents` from the rows of the statements that read them (relationship kinds,
   * directions): merged per parent in the page's order, cut, each with its count.
   */
  function pagesOf(
    query: RelatedQuery,
    parents: readonly string[],
    results: readonly { parent: string; total: number | null; row: RelatedRow }[][],
  ): RelatedPage[] {
    const d = sign(query.sortDirection);
    const page = query.from === 'start' ? 1 : -1;
    const found = new Map<string, RelatedRow[]>();
    const totals = new Map<string, number>();
    for (const rows of results) {
      // Each statement's rows of a parent carry its count for that parent: add one per statement.
      const seen = new Set<string>();
      for (const { parent, total, row } of rows) {
        const list = found.get(parent);
        if (list) list.push(row);
        else found.set(parent, [row]);
        if (total !== null && !seen.has(parent)) {
          seen.add(parent);
          totals.set(parent, (totals.get(parent) ?? 0) + total);
        }
      }
    }
    const directed = (r: RelatedRow) => [r.key.value * d, r.key.nameRank * d, r.key.tieKey * d];
    return parents.map((parent) => {
      // Several statements (relationship kinds, directions) answer one field: merge them in the
      // order each was read in, then cut, as one statement would have. One statement's rows are
      // in that order already.
      const rows = found.get(parent) ?? [];
      if (results.length > 1) rows.sort((a, b) => compareDirected(directed(a), directed(b)) * page);
      const kept = rows.slice(0, query.size);
      return {
        rows: page === 1 ? kept : kept.reverse(),
        more: rows.length > query.size,
        // A parent with no relationship has no row, and so no count: it has none.
        total: counted(query) ? (totals.get(parent) ?? 0) : null,
      };
    });
  }

  /** One page of a root list (see GraphReader.listPage), its statement run by `runner`. */
  async function listPageOf(query: ListQuery, runner: RunQuery): Promise<ListPage> {
    const spec: ListSpec = LISTS[query.kind];
    const keyType = listKeyType(query.order);
    // A page counted from the end reads the list backwards: the reversed order, then reversed back.
    const textDirection = query.from === 'start' ? query.direction : flip(query.direction);
    const [lo, hi] = query.from === 'start' ? [query.after, query.before] : [query.before, query.after];
    const ascending = textDirection === 'asc';
    const openKey = (low: boolean) =>
      keyType === 'string' ? (low ? MIN_TEXT : MAX_TEXT) : low ? MIN_NUMBER : MAX_NUMBER;
    const openRank = (low: boolean) => (low ? MIN_RANK : MAX_RANK);
    // In a descending text the lower bound is the larger value.
    const loOpen = ascending;
    const hiOpen = !ascending;
    const params: Record<string, unknown> = {
      ...listParams(spec, query.filter),
      loRank: lo?.nameRank ?? openRank(loOpen),
      hiRank: hi?.nameRank ?? openRank(hiOpen),
      // The core texts read no evidence and take no $withEvidence (Kuzu refuses an unknown parameter).
      ...(query.projection === 'all' ? { withEvidence: query.withEvidence } : {}),
      limit: query.size + 1,
    };
    if (keyType) {
      params['loKey'] = lo ? lo.value : openKey(loOpen);
      params['hiKey'] = hi ? hi.value : openKey(hiOpen);
    }
    // Counted with the page only when no cursor bounds it (the text counts within its bounds),
    // and only where the engine has a counted text (see listFiles in read-cypher.ts).
    const countedName = listQueryName(query.kind, query.order, textDirection, query.projection, true);
    const first = query.after === null && query.before === null;
    const counted = query.withCount && first && has(countedName);
    // Nothing narrows the page: the open text, where the engine has one (read-cypher.ts).
    const openName = listQueryName(query.kind, query.order, textDirection, query.projection, false, true);
    const open = !counted && first && unfiltered(query.filter) && has(openName);
    const name = counted
      ? countedName
      : open
        ? openName
        : listQueryName(query.kind, query.order, textDirection, query.projection);
    const rows = await runner(
      name,
      open
        ? {
            limit: params['limit'],
            ...(query.projection === 'all' ? { withEvidence: query.withEvidence } : {}),
          }
        : params,
    );
    let total: number | null = null;
    if (counted) {
      // No row means no node passes the filters (a page with open bounds reads at least one).
      const first = rows[0]?.['total'] ?? 0;
      if (typeof first !== 'number' || !Number.isInteger(first))
        throw new RowShapeError(`a row of ${name}`, 'total: expected an integer');
      total = first;
    }
    const items = rows.slice(0, query.size).map((row) => {
      const node = nodeView(name, row);
      const rank = node.properties['nameRank'];
      const value = row['sortKey'];
      const key: ListKey = {
        value: typeof value === 'number' || typeof value === 'string' ? value : null,
        nameRank: typeof rank === 'number' ? rank : 0,
      };
      return { node, key };
    });
    return {
      items: query.from === 'start' ? items : items.reverse(),
      more: rows.length > query.size,
      total,
    };
  }

  /** The shapes a relationship query reads for parents of one kind. */
  function shapesFor(kind: NodeKind, query: RelatedQuery): RelatedShape[] {
    return relatedShapes().filter(
      (s) =>
        s.parent === kind &&
        query.edgeKinds.includes(s.edge) &&
        (query.direction === 'both' || s.direction === query.direction),
    );
  }

  function groupByKind(ids: readonly string[]): Map<NodeKind, string[]> {
    const groups = new Map<NodeKind, string[]>();
    for (const id of unique(ids)) {
      const kind = kindOfId(id);
      if (kind) groups.set(kind, [...(groups.get(kind) ?? []), id]);
    }
    return groups;
  }

  function lineOf(query: string, row: z.infer<typeof coFundingRow>): CoFundingLine {
    return {
      outcome: row.outcome,
      via: row.via,
      contributor: row.contributor,
      status: row.status,
      funding: edgeView(query, row.line, row.funder, row.via, 'e_'),
    };
  }

  const totalsQuery: Record<FundingGrouping, string> = {
    funder: 'fundingTotalsByFunder',
    target: 'fundingTotalsByTarget',
    kind: 'fundingTotalsByKind',
    period: 'fundingTotalsByPeriod',
  };

  return {
    async nodesByIds(ids, withEvidence) {
      if (ids.length === 0) return [];
      const found = new Map<string, NodeView>();
      await Promise.all(
        [...groupByKind(ids)].map(async ([kind, group]) => {
          for (const node of await nodesOfKind(kind, group, withEvidence)) found.set(node.id, node);
        }),
      );
      // An id no node has may be a former id (a record merged into another, perhaps of another
      // kind): looked up in every kind, only when some id was not found.
      const missing = [...new Set(ids.filter((id) => !found.has(id)))];
      if (missing.length > 0) {
        await Promise.all(
          NODE_KINDS.map(async (kind) => {
            const name = nodesByFormerIdsQueryName(kind);
            for (const row of await run(name, { ids: missing, withEvidence })) {
              const formerId = row['formerId'];
              if (typeof formerId === 'string') found.set(formerId, nodeView(name, row));
            }
          }),
        );
      }
      return ids.map((id) => found.get(id) ?? null);
    },

    listPage(query: ListQuery) {
      let own: Promise<Row[]> | undefined;
      const page = listPageOf(query, (name, params) => {
        own = run(name, params);
        return own;
      });
      // The page's nodes are its first rows: the last is there to say whether there are more.
      if (own) followable.set(page, { rows: own, column: 'id', keep: query.size });
      return page;
    },

    async listCount(kind, filter) {
      // Unfiltered, a list holds every node of its kind (its default filters pass every node: a
      // required category, counts derived for all): the engines count a label without reading a node.
      const whole = unfiltered(filter);
      const name = whole ? countNodesQueryName(kind) : countQueryName(kind);
      const params = whole ? {} : listParams(LISTS[kind], filter);
      const [row] = parseRows(countOnly, await run(name, params), name);
      return row?.count ?? 0;
    },

    async relatedPages(query, parents): Promise<RelatedPage[]> {
      if (parents.length === 0) return [];
      const work = [...groupByKind(parents)].flatMap(([kind, group]) =>
        shapesFor(kind, query).map((shape) => relatedRows(shape, group, query)),
      );
      return pagesOf(query, parents, await Promise.all(work));
    },

    followingPages(after, kind, query) {
      const source = followable.get(after);
      if (!source || !runAfter) return null;
      // One statement only: a later level follows its rows in turn.
      const shapes = shapesFor(kind, query).filter((s) => s.others.some((k) => query.otherKinds.includes(k)));
      const [shape] = shapes;
      if (!shape || shapes.length > 1) return null;
      const link = { source: source.rows, column: source.column, param: 'parents', keep: source.keep };
      let own: Promise<Row[]> | undefined;
      const rows = relatedRows(shape, LINKED, query, (name, params) => {
        own = runAfter(name, params, link);
        return own;
      });
      const pages = (async () => {
        const [read, before] = await Promise.all([rows, source.rows]);
        const kept = source.keep === null ? before : before.slice(0, source.keep);
        const parents = unique(
          kept
            .map((r) => r[source.column])
            .filter((id): id is string => typeof id === 'string' && kindOfId(id) === kind),
        );
        const answered = pagesOf(query, parents, [read]);
        return new Map(parents.map((parent, i) => [parent, answered[i] as RelatedPage]));
      })();
      if (own) followable.set(pages, { rows: own, column: 'n_id', keep: null });
      return pages;
    },

    async relatedCounts(query, parents) {
      if (parents.length === 0) return [];
      const counts = new Map<string, number>();
      await Promise.all(
        [...groupByKind(parents)].flatMap(([kind, group]) =>
          shapesFor(kind, query).map(async (shape) => {
            const otherKinds = shape.others.filter((k) => query.otherKinds.includes(k));
            if (otherKinds.length === 0) return;
            const everyKind = otherKinds.length === shape.others.length;
            const name = relatedCountQueryName(shape, everyKind);
            const rows = await run(name, {
              parents: group,
              ...(everyKind ? {} : { otherKinds: kindList(otherKinds) }),
              role: query.role ? query.role.toLowerCase() : null,
              period: query.period,
            });
            for (const { parent, count } of parseRows(parentCount, rows, name)) {
              counts.set(parent, (counts.get(parent) ?? 0) + count);
            }
          }),
        ),
      );
      return parents.map((p) => counts.get(p) ?? 0);
    },

    async edgesByIds(ids) {
      if (ids.length === 0) return [];
      const rows = parseRows(edgeRow, await run('edgesByIds', { ids: unique(ids) }), 'edgesByIds');
      const byId = new Map(
        rows.map((r) => {
          const edge = edgeView('edgesByIds', r.r, r.from, r.to);
          return [edge.id, edge] as const;
        }),
      );
      return ids.map((id) => byId.get(id) ?? null);
    },

    async fundingTotals(args) {
      const name = totalsQuery[args.groupBy];
      const rows = parseRows(
        totalRow,
        await run(name, { period: args.period ?? null, fundingKind: args.fundingKind ?? null }),
        name,
      );
      return rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.currency < b.currency ? -1 : 1));
    },

    async fundingLinePage(query) {
      const name = query.from === 'start' ? 'fundingLinePage' : 'fundingLinePageReversed';
      const rows = parseRows(
        edgeRow,
        await run(name, {
          ...fundingLineParams(query.filter),
          after: query.after,
          before: query.before,
          limit: query.size + 1,
        }),
        name,
      );
      const edges = rows.map((r) => edgeView(name, r.r, r.from, r.to));
      const page = edges.slice(0, query.size);
      return { items: query.from === 'start' ? page : page.reverse(), more: edges.length > query.size };
    },

    async fundingLineCount(filter) {
      const rows = parseRows(
        countRow,
        await run('fundingLineCount', fundingLineParams(filter)),
        'fundingLineCount',
      );
      return rows[0]?.count ?? 0;
    },

    async fundingLineSums(filter) {
      return parseRows(
        fundingSumRow,
        await run('fundingLineSum', fundingLineParams(filter)),
        'fundingLineSum',
      )
        .filter((r) => r.lines > 0)
        .sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
    },

    async fundingOf(side, ids, period) {
      if (ids.length === 0) return [];
      const name = side === 'funder' ? 'fundingGivenBy' : 'fundingReceivedBy';
      const rows = parseRows(
        totalRow,
        await run(name, { ids: unique(ids), period, fundingKind: null }),
        name,
      );
      const byKey = new Map<string, FundingTotalRow>();
      // One currency in practice; where a node has several, its GBP total is the one reported.
      for (const row of rows) if (!byKey.has(row.key) || row.currency === 'GBP') byKey.set(row.key, row);
      return ids.map((id) => byKey.get(id) ?? null);
    },

    async fundingLines(): Promise<FundingLineRecord[]> {
      const name = 'fundingLines';
      const end = (id: string, kind: string, endName: string): FundingEnd => {
        if (!isNodeKind(kind)) throw new RowShapeError(`a row of ${name}`, `${id}: unknown kind ${kind}`);
        return { id, kind, name: endName };
      };
      return parseRows(fundingLineRow, await run(name, {}), name).map((row) => ({
        funder: end(row.funder, row.funderKind, row.funderName),
        recipient: end(row.recipient, row.recipientKind, row.recipientName),
        line: modelRow(name, () => rowToEdge(row.r, row.funder, row.recipient)),
      }));
    },

    async coFundingLines(query: CoFundingQuery) {
      const name = query.partner ? 'coFundingLinesOfPartner' : 'coFundingLines';
      const params = query.partner
        ? { partner: query.partner, via: query.via, period: query.period, withEvidence: query.withEvidence }
        : { outcome: query.outcome, via: query.via, period: query.period, withEvidence: query.withEvidence };
      const rows = parseRows(coFundingRow, await run(name, params), name);
      return rows
        .filter((r) => !query.outcome || r.outcome === query.outcome)
        .map((row) => lineOf(name, row));
    },

    async coFundingSummary(query) {
      const suffix = query.partner ? 'OfPartner' : '';
      const params = query.partner
        ? { partner: query.partner, via: query.via, period: query.period }
        : { outcome: query.outcome, via: query.via, period: query.period };
      // Funders of every period through every node are the counts the load stored on the outcomes.
      const stored = query.via === null && query.period === null;
      const fundersName = stored ? `coFundingStoredFunders${suffix}` : `coFundingFunders${suffix}`;
      const fundersParams = !stored
        ? params
        : query.partner
          ? { partner: query.partner, period: null }
          : { outcome: query.outcome };
      const moneyName = `coFundingMoney${suffix}`;
      // In turn, not at once: on Neo4j both run in the request's one transaction.
      const funders = parseRows(coFundingFundersRow, await run(fundersName, fundersParams), fundersName);
      const money = new Map(
        parseRows(coFundingMoneyRow, await run(moneyName, params), moneyName).map((r) => [r.outcome, r]),
      );
      return funders
        .filter((r) => !query.outcome || r.outcome === query.outcome)
        .map((r) => {
          const sums = money.get(r.outcome);
          return {
            outcome: r.outcome,
            funders: r.funders,
            low: sums?.low ?? 0,
            high: sums?.high ?? 0,
            conflicts: (sums?.conflicting ?? 0) > 0,
          };
        });
    },

    async coFundingLinesOfOutcomes(outcomes, period, withEvidence) {
      if (outcomes.length === 0) return [];
      const name = 'coFundingLinesOfOutcomes';
      const rows = parseRows(
        coFundingRow,
        await run(name, { outcomes: unique(outcomes), period, withEvidence }),
        name,
      );
      const byOutcome = new Map<string, CoFundingLine[]>();
      for (const row of rows)
        byOutcome.set(row.outcome, [...(byOutcome.get(row.outcome) ?? []), lineOf(name, row)]);
      return outcomes.map((o) => byOutcome.get(o) ?? []);
    },

    async coFundersOf(ids, period, withEvidence) {
      if (ids.length === 0) return [];
      const name = single(ids) ? 'coFundersOf' : 'coFundersOfBatch';
      const params = single(ids)
        ? { id: ids[0], period, withEvidence }
        : { ids: unique(ids), period, withEvidence };
      const rows = parseRows(coFunderRow, await run(name, params), name);
      const byOrg = new Map<string, CoFunderRow[]>();
      for (const row of rows) {
        const entry: CoFunderRow = {
          coFunder: nodeView(name, row.coFunderNode, 'n_'),
          via: row.via,
          own: edgeView(name, row.ownLine, row.org, row.via, 'e_'),
          other: edgeView(name, row.otherLine, row.coFunder, row.via, 'e_'),
        };
        byOrg.set(row.org, [...(byOrg.get(row.org) ?? []), entry]);
      }
      return ids.map((id) => byOrg.get(id) ?? []);
    },

    async coFunderSums(ids, period, sums) {
      if (ids.length === 0) return [];
      const one = single(ids);
      // Co-funders have no text of names: asked for names, they read their core.
      const shares: CoFunderSumPart =
        sums.projection === 'all' ? 'shares' : sums.projection === 'ids' ? 'shares-ids' : 'shares-core';
      // Of every period, through the texts without a period filter where the engine has them.
      const everyPeriod = period === null && has(coFunderSumQueryName(shares, !one, true));
      const names = ([shares, 'own', 'other'] as const).map((part) =>
        coFunderSumQueryName(part, !one, everyPeriod),
      );
      const params = {
        ...(one ? { id: ids[0] } : { ids: unique(ids) }),
        ...(everyPeriod ? {} : { period }),
      };
      const asked = [true, sums.own, sums.other];
      const [shared, own, other] = await Promise.all(
        names.map((name, i) => (asked[i] ? run(name, params) : Promise.resolve([]))),
      );
      const key = (r: { org: string; coFunder: string }) => `${r.org}\u0000${r.coFunder}`;
      const owns = new Map(
        parseRows(coFunderAmount, own ?? [], names[1] ?? '').map((r) => [key(r), r.amount]),
      );
      const others = new Map(
        parseRows(coFunderAmount, other ?? [], names[2] ?? '').map((r) => [key(r), r.amount]),
      );
      const byOrg = new Map<string, CoFunderSum[]>();
      for (const row of parseRows(coFunderShare, shared ?? [], names[0] ?? '')) {
        const sum: CoFunderSum = {
          coFunder: nodeView(names[0] ?? '', row.coFunderNode, 'n_'),
          shared: row.shared,
          own: owns.get(key(row)) ?? 0,
          other: others.get(key(row)) ?? 0,
        };
        byOrg.set(row.org, [...(byOrg.get(row.org) ?? []), sum]);
      }
      return ids.map((id) => byOrg.get(id) ?? []);
    },

    async shortestPaths(args): Promise<PathRecord[]> {
      // Engines find equal-length paths in different orders, so a LIMIT in the query would keep a
      // different subset on each: read up to a fixed number, group, sort, then keep the first `limit`.
      const params = { from: args.from, to: args.to, maxHops: args.maxHops, limit: PATH_CANDIDATES };
      const avoid = [...new Set(args.avoid ?? [])].filter((id) => id !== args.from && id !== args.to).sort();
      const avoidSteps = [
        ...new Set((args.avoidSteps ?? []).flatMap(([a, b]) => [`${a}>${b}`, `${b}>${a}`])),
      ].sort();
      const rows =
        avoid.length === 0 && avoidSteps.length === 0
          ? parseRows(pathRow, await run('shortestPaths', params), 'shortestPaths')
          : parseRows(
              pathRow,
              await run('shortestPathsAvoiding', { ...params, avoid, avoidSteps }),
              'shortestPathsAvoiding',
            );
      // Paths that walk the same nodes over parallel relationships are one connection.
      const byNodes = new Map<string, { nodeIds: string[]; edgeIds: Set<string>[] }>();
      for (const row of rows) {
        const key = row.nodeIds.join('\u0000');
        const path = byNodes.get(key) ?? {
          nodeIds: row.nodeIds,
          edgeIds: row.edgeIds.map(() => new Set<string>()),
        };
        row.edgeIds.forEach((id, hop) => {
          path.edgeIds[hop]?.add(id);
        });
        byNodes.set(key, path);
      }
      return [...byNodes.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .slice(0, args.limit)
        .map(([, path]) => ({ nodeIds: path.nodeIds, edgeIds: path.edgeIds.map((ids) => [...ids].sort()) }));
    },

    async searchEntries(): Promise<SearchEntry[]> {
      const rows = parseRows(searchRow, await run('searchEntries', {}), 'searchEntries');
      return rows.flatMap((r) => (isNodeKind(r.kind) ? [{ ...r, kind: r.kind }] : []));
    },

    async metricsInGroups(groups) {
      if (groups.length === 0) return [];
      const rows = parseRows(
        z.object({ conflictGroup: z.string(), id: z.string() }),
        await run('metricsInGroups', { groups: unique(groups) }),
        'metricsInGroups',
      );
      return groups.map((g) => rows.filter((r) => r.conflictGroup === g).map((r) => r.id));
    },

    async reportsBySources(sources) {
      if (sources.length === 0) return [];
      const rows = parseRows(
        z.object({ source: z.string(), id: z.string() }),
        await run('reportsBySources', { sources: unique(sources) }),
        'reportsBySources',
      );
      const bySource = new Map(rows.map((r) => [r.source, r.id]));
      return sources.map((s) => bySource.get(s) ?? null);
    },

    async citingPage(query: CitingQuery) {
      const name = query.from === 'start' ? 'citingNodes' : 'citingNodesReversed';
      const rows = parseRows(
        idRank,
        await run(name, {
          source: query.source,
          kinds: kindList(query.kinds),
          lo: query.after ?? MIN_RANK,
          hi: query.before ?? MAX_RANK,
          limit: query.size + 1,
        }),
        name,
      );
      const kept = rows.slice(0, query.size);
      return { ids: query.from === 'start' ? kept : kept.reverse(), more: rows.length > query.size };
    },

    async citingCount(source, kinds) {
      const [row] = parseRows(
        countOnly,
        await run('countCitingNodes', { source, kinds: kindList(kinds) }),
        'countCitingNodes',
      );
      return row?.count ?? 0;
    },

    async countsByKinds(kinds) {
      return Promise.all(
        kinds.map(async (kind) => {
          const name = countNodesQueryName(kind);
          return parseRows(countOnly, await run(name, {}), name)[0]?.count ?? 0;
        }),
      );
    },

    async edgeCountsByKinds(kinds) {
      return Promise.all(
        kinds.map(async (kind) => {
          const name = countEdgesQueryName(kind);
          return parseRows(countOnly, await run(name, {}), name)[0]?.count ?? 0;
        }),
      );
    },

    async graphVersion(): Promise<GraphVersion | null> {
      const rows = parseRows(metaRow, await run('graphMeta', {}), 'graphMeta');
      const meta = new Map(rows.map((r) => [r.key, r.value]));
      const seedHash = meta.get(GRAPH_META_KEYS.seedHash);
      // A graph loaded under another model is stale whatever its seeds: report it as never loaded.
      if (!seedHash || meta.get(GRAPH_META_KEYS.modelHash) !== modelHash) return null;
      return { seedHash, loadedAt: meta.get(GRAPH_META_KEYS.loadedAt) ?? '' };
    },
  };
}

/** How many shortest paths are read before sorting; a path request asks for at most 20. */
const PATH_CANDIDATES = 500;
