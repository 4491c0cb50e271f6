import {
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import type { Projection } from '../model/records.js';

/**
 * How much a connection's (or a co-funder list's) query needs read (model/records.ts, Projection):
 * `ids` when it selects only ids, `names` when only ids and names, `core` when only what a core read
 * hands out, else `all`. The names and core texts name a half and a third of the columns.
 *
 * An allow list by type, walked through fragments: a field not listed here (a property beyond the
 * core, evidence, aliases, a computed field) makes the read `all`, so a new field is safe by
 * default. Ids: a node's id and seed id, a relationship's id and kind, an edge's cursor, kind and
 * direction, a connection's count and page info, and a relationship field below a node (it reads
 * the node's id only and decides its own read). Names add a node's name. The core adds a node's
 * period and a relationship's role, period, amount (value and currency) and funding kind.
 */
const IDS = 0;
const NAMES = 1;
const CORE = 2;
/** The walk stops at the first field that needs everything. */
const ALL = 3;
type Level = typeof IDS | typeof NAMES | typeof CORE | typeof ALL;

const LEVELS: readonly Projection[] = ['ids', 'names', 'core', 'all'];

const EDGE_FIELDS: Readonly<Record<string, Level>> = {
  cursor: IDS,
  kind: IDS,
  direction: IDS,
  role: CORE,
  period: CORE,
  fundingKind: CORE,
};
const NODE_FIELDS: Readonly<Record<string, Level>> = { id: IDS, seedId: IDS, name: NAMES, period: CORE };
const RELATIONSHIP_FIELDS: Readonly<Record<string, Level>> = {
  id: IDS,
  seedId: IDS,
  kind: IDS,
  role: CORE,
  period: CORE,
  fundingKind: CORE,
};

/** A leaf read at a level, a field to walk into (what it selects decides, at least `level`), or ALL. */
type Rule = { readonly leaf: Level } | { readonly walk: Level };

const leaf = (level: Level | undefined): Rule => ({ leaf: level ?? ALL });
const walkInto = (level: Level): Rule => ({ walk: level });
const refuse: Rule = { leaf: ALL };

/**
 * The extension a connection type carries when it reads its own rows (a relationship or funding
 * connection below a node): the schema sets it, so this module needs no list of the schema's types.
 */
export const READS_OWN_ROWS = 'hlpReadsOwnRows';

function readsItsOwnRows(type: GraphQLNamedType): boolean {
  return type.extensions[READS_OWN_ROWS] === true;
}

function isNodeType(type: GraphQLNamedType): boolean {
  if (type.name === 'Node' || type.name === 'Entity') return true;
  return (
    (isObjectType(type) || isInterfaceType(type)) &&
    type.name !== 'Relationship' &&
    type.getInterfaces().some((i) => i.name === 'Entity')
  );
}

function ruleFor(type: GraphQLNamedType, field: string): Rule {
  if (field === '__typename') return leaf(IDS);
  const name = type.name;
  // The level of a page info or an amount is that of the field they hang from.
  if (name === 'PageInfo' || name === 'Money') return leaf(IDS);
  if (name.endsWith('Connection'))
    return field === 'edges'
      ? walkInto(IDS)
      : field === 'pageInfo' || field === 'totalCount'
        ? leaf(IDS)
        : refuse;
  if (name.endsWith('Edge')) {
    if (field === 'node' || field === 'relationship') return walkInto(IDS);
    if (field === 'amount') return walkInto(CORE);
    return leaf(EDGE_FIELDS[field]);
  }
  // A co-funder read with its sums (not its shared lines, which are read whole).
  if (name === 'CoFunder') {
    if (field === 'organisation') return walkInto(IDS);
    if (field === 'myAmount' || field === 'theirAmount') return walkInto(CORE);
    return field === 'sharedCount' ? leaf(IDS) : refuse;
  }
  if (name === 'Relationship') return field === 'amount' ? walkInto(CORE) : leaf(RELATIONSHIP_FIELDS[field]);
  if (isNodeType(type)) {
    const level = NODE_FIELDS[field];
    if (level !== undefined) return leaf(level);
    const def = isObjectType(type) || isInterfaceType(type) ? type.getFields()[field] : undefined;
    // A relationship field reads the node's id only, and chooses its own read for what it selects.
    return def && readsItsOwnRows(getNamedType(def.type)) ? leaf(IDS) : refuse;
  }
  return refuse;
}

const projections = new WeakMap<GraphQLResolveInfo['fieldNodes'], Projection>();

/**
 * What the field being resolved needs read: the least of `names`, `core` and `all` that covers
 * everything it selects. The executor hands every item of a list the same field nodes, so the
 * walk runs once per field of an operation, not once per parent.
 */
export function projectionOf(info: GraphQLResolveInfo): Projection {
  let known = projections.get(info.fieldNodes);
  if (!known) {
    known = walkProjection(info);
    projections.set(info.fieldNodes, known);
  }
  return known;
}

function walkProjection(info: GraphQLResolveInfo): Projection {
  const visited = new Set<string>();
  /** The level a selection needs, ALL as soon as one field needs everything. */
  const walk = (set: SelectionSetNode | undefined, type: GraphQLNamedType): Level => {
    let level: Level = IDS;
    if (!set) return level;
    const need = (l: Level) => {
      if (l > level) level = l;
      return level === ALL;
    };
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = selection.name.value;
        const rule = ruleFor(type, field);
        if ('leaf' in rule) {
          if (need(rule.leaf)) return ALL;
          continue;
        }
        const def = isObjectType(type) || isInterfaceType(type) ? type.getFields()[field] : undefined;
        if (!def || need(rule.walk) || need(walk(selection.selectionSet, getNamedType(def.type)))) return ALL;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? info.schema.getType(selection.typeCondition.name.value) : type;
        if (!on || need(walk(selection.selectionSet, on))) return ALL;
      } else {
        const fragment = info.fragments[selection.name.value];
        if (!fragment) return ALL;
        if (visited.has(fragment.name.value)) continue;
        visited.add(fragment.name.value);
        const on = info.schema.getType(fragment.typeCondition.name.value);
        if (!on || need(walk(fragment.selectionSet, on))) return ALL;
      }
    }
    return level;
  };
  const type = getNamedType(info.returnType);
  let level: Level = IDS;
  for (const node of info.fieldNodes) {
    const l = walk(node.selectionSet, type);
    if (l > level) level = l;
  }
  return LEVELS[level] as Projection;
}
