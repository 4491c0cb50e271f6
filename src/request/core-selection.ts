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
 * Whether a connection's (or a co-funder list's) query selects only what a core read hands out
 * (model/records.ts, Projection): then it is read with the core texts, which name a third of the
 * columns.
 *
 * An allow list by type, walked through fragments: a field not listed here (a property beyond the
 * core, evidence, aliases, a computed field) makes the read `all`, so a new field is safe by
 * default. The fields listed read only the core keys: a node's id (and seed id), name and period; a relationship's
 * id, kind, role, period and amount (value and currency), its funding kind; and a relationship
 * field below a node, which reads the node's id only and decides its own read.
 */
const EDGE_FIELDS = new Set(['cursor', 'kind', 'direction', 'role', 'period', 'fundingKind']);
const NODE_FIELDS = new Set(['id', 'seedId', 'name', 'period']);
const RELATIONSHIP_FIELDS = new Set(['id', 'kind', 'role', 'period', 'fundingKind']);

type Rule = 'leaf' | 'walk' | 'refuse';

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
  if (field === '__typename') return 'leaf';
  const name = type.name;
  if (name === 'PageInfo') return 'leaf';
  if (name === 'Money') return 'leaf';
  if (name.endsWith('Connection'))
    return field === 'edges' ? 'walk' : field === 'pageInfo' || field === 'totalCount' ? 'leaf' : 'refuse';
  if (name.endsWith('Edge')) {
    if (field === 'node' || field === 'relationship' || field === 'amount') return 'walk';
    return EDGE_FIELDS.has(field) ? 'leaf' : 'refuse';
  }
  // A co-funder read with its sums (not its shared lines, which are read whole).
  if (name === 'CoFunder')
    return field === 'organisation' || field === 'myAmount' || field === 'theirAmount'
      ? 'walk'
      : field === 'sharedCount'
        ? 'leaf'
        : 'refuse';
  if (name === 'Relationship')
    return field === 'amount' ? 'walk' : RELATIONSHIP_FIELDS.has(field) ? 'leaf' : 'refuse';
  if (isNodeType(type)) {
    if (NODE_FIELDS.has(field)) return 'leaf';
    const def = isObjectType(type) || isInterfaceType(type) ? type.getFields()[field] : undefined;
    // A relationship field reads the node's id only, and chooses its own read for what it selects.
    return def && readsItsOwnRows(getNamedType(def.type)) ? 'leaf' : 'refuse';
  }
  return 'refuse';
}

const projections = new WeakMap<GraphQLResolveInfo['fieldNodes'], Projection>();

/**
 * `core` when everything the field being resolved selects reads only core keys, else `all`. The
 * executor hands every item of a list the same field nodes, so the walk runs once per field of an
 * operation, not once per parent.
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
  const walk = (set: SelectionSetNode | undefined, type: GraphQLNamedType): boolean => {
    if (!set) return true;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = selection.name.value;
        const rule = ruleFor(type, field);
        if (rule === 'refuse') return false;
        if (rule === 'walk') {
          const def = isObjectType(type) || isInterfaceType(type) ? type.getFields()[field] : undefined;
          if (!def || !walk(selection.selectionSet, getNamedType(def.type))) return false;
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? info.schema.getType(selection.typeCondition.name.value) : type;
        if (!on || !walk(selection.selectionSet, on)) return false;
      } else {
        const fragment = info.fragments[selection.name.value];
        if (!fragment) return false;
        if (visited.has(fragment.name.value)) continue;
        visited.add(fragment.name.value);
        const on = info.schema.getType(fragment.typeCondition.name.value);
        if (!on || !walk(fragment.selectionSet, on)) return false;
      }
    }
    return true;
  };
  const type = getNamedType(info.returnType);
  return info.fieldNodes.every((node) => walk(node.selectionSet, type)) ? 'core' : 'all';
}
