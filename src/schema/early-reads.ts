import {
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  getArgumentValues,
  getNamedType,
  isAbstractType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import type { Context } from '../context.js';

/**
 * Reads that start before their parent is read. `node(id:)` must read its node before GraphQL runs
 * the node's fields (an id that names nothing gives null), yet the id already says the node's type,
 * and a relationship field needs only its parent's id. So the node field starts the reads of the
 * fields it selects that are marked here, in the same tick as its own lookup: on Neo4j the statements
 * go down the request's transaction together (one round trip instead of two), on Kuzu they run side
 * by side. When GraphQL then resolves the field, its loader holds the page already (the same
 * question, so the same DataLoader key). Should a field ask differently after all, the early read
 * is a wasted statement, never a wrong answer: the field's resolver always reads for itself.
 */
export type EarlyRead = (
  parentId: string,
  args: Record<string, unknown>,
  ctx: Context,
  info: GraphQLResolveInfo,
) => Promise<unknown>;

const EARLY = 'hlpEarlyRead';

/** Field extensions that mark a field as readable from its parent's id alone. */
export function earlyRead(read: EarlyRead): { readonly [EARLY]: EarlyRead } {
  return { [EARLY]: read };
}

/** The read a field's extensions hold under `key` (earlyRead, followRead), or null. */
function markedRead<R>(key: string): (field: GraphQLField<unknown, unknown>) => R | null {
  return (field) => {
    const read = field.extensions?.[key];
    return typeof read === 'function' ? (read as R) : null;
  };
}

const earlyReadOf = markedRead<EarlyRead>(EARLY);

/**
 * The fields the node field selects on `typeName`, by response key, as the executor will group them;
 * null when a directive (@skip, @include) could make the executor's grouping differ.
 */
function selectedFields(info: GraphQLResolveInfo, typeName: string): Map<string, FieldNode[]> | null {
  const type = info.schema.getType(typeName);
  if (!isObjectType(type)) return null;
  const applies = (condition: string | undefined) =>
    condition === undefined ||
    condition === typeName ||
    type.getInterfaces().some((i) => i.name === condition);
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const collect = (set: SelectionSetNode | undefined): boolean => {
    for (const selection of set?.selections ?? []) {
      if (selection.directives?.length) return false;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        fields.set(key, [...(fields.get(key) ?? []), selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value) && !collect(selection.selectionSet)) return false;
      } else {
        const fragment = info.fragments[selection.name.value];
        if (!fragment || visited.has(fragment.name.value)) continue;
        visited.add(fragment.name.value);
        if (fragment.directives?.length) return false;
        if (applies(fragment.typeCondition.name.value) && !collect(fragment.selectionSet)) return false;
      }
    }
    return true;
  };
  return info.fieldNodes.every((node) => collect(node.selectionSet)) ? fields : null;
}

/**
 * Starts the early reads of the fields `info` (the node field) selects on `typeName`, for the node
 * `id`. Failures are left to the fields themselves: their resolvers ask again and report them.
 */
export function startEarlyReads(ctx: Context, info: GraphQLResolveInfo, typeName: string, id: string): void {
  const type = info.schema.getType(typeName);
  if (!isObjectType(type)) return;
  forMarkedFields(info, type, earlyReadOf, (read, args, fieldInfo) => {
    read(id, args, ctx, fieldInfo).catch(() => undefined);
  });
}

/**
 * Calls `visit` for each field `info` selects on `type` that `marked` finds a read on, with its
 * arguments and the info its resolver will get. A field whose arguments it will refuse is left to
 * say so when it runs.
 */
function forMarkedFields<R>(
  info: GraphQLResolveInfo,
  type: GraphQLObjectType,
  marked: (field: GraphQLField<unknown, unknown>) => R | null,
  visit: (read: R, args: Record<string, unknown>, fieldInfo: GraphQLResolveInfo) => void,
): void {
  const fields = selectedFields(info, type.name);
  if (!fields) return;
  for (const nodes of fields.values()) {
    const first = nodes[0] as FieldNode;
    const field = type.getFields()[first.name.value];
    const read = field ? marked(field) : null;
    if (!field || !read || nodes.some((n) => n.name.value !== first.name.value)) continue;
    try {
      const args = getArgumentValues(field, first, info.variableValues);
      visit(read, args, {
        ...info,
        fieldName: field.name,
        fieldNodes: nodes,
        returnType: field.type,
        parentType: type,
      });
    } catch {
      // Arguments the field will refuse: it says so when it runs.
    }
  }
}

/**
 * A field's read that follows another read of the request (GraphReader.followingPages): the pages
 * of the field for the nodes `after` yields, of kind `kind`, or null when the store cannot follow.
 * What it returns is itself a read later levels may follow.
 */
export type FollowRead = (
  after: Promise<unknown>,
  kind: string,
  args: Record<string, unknown>,
  ctx: Context,
  info: GraphQLResolveInfo,
) => Promise<unknown> | null;

const FOLLOW = 'hlpFollowRead';

/** Field extensions that mark a field as readable after the read of its parents, in its statement. */
export function followRead(read: FollowRead): { readonly [FOLLOW]: FollowRead } {
  return { [FOLLOW]: read };
}

const followReadOf = markedRead<FollowRead>(FOLLOW);

/** The field nodes named `name` in the selections of `nodes` (no fragments, no directives), or null. */
function childFields(nodes: readonly FieldNode[], name: string): FieldNode[] | null {
  const found: FieldNode[] = [];
  for (const node of nodes) {
    for (const selection of node.selectionSet?.selections ?? []) {
      if (selection.kind !== Kind.FIELD) return null;
      if (selection.directives?.length) return null;
      if (selection.name.value === name) found.push(selection);
    }
  }
  return found.length > 0 ? found : null;
}

/**
 * Starts, for a connection being resolved (a root list, or a relationship field's own following
 * read), the reads of the relationship fields its edges' nodes select, each to follow `after`, the
 * connection's own read: on Neo4j the list's page, what its nodes fund and those nodes' outcomes go
 * to the database as one statement, where each level would cost a statement of its own (0.17 ms of
 * the server's CPU each, beyond the query's work). A field's resolver takes the followed page when
 * there is one, else reads for itself: a follow is never the only way to an answer. Failures are
 * left to the fields themselves.
 */
export function startFollowingReads(ctx: Context, info: GraphQLResolveInfo, after: Promise<unknown>): void {
  const edges = childFields(info.fieldNodes, 'edges');
  const nodes = edges && childFields(edges, 'node');
  if (!nodes) return;
  const connection = getNamedType(info.returnType);
  if (!isObjectType(connection)) return;
  const edgeType = getNamedType(connection.getFields()['edges']?.type);
  const nodeField = isObjectType(edgeType) ? edgeType.getFields()['node'] : undefined;
  if (!nodeField) return;
  const nodeType: GraphQLNamedType = getNamedType(nodeField.type);
  const types = isAbstractType(nodeType)
    ? info.schema.getPossibleTypes(nodeType)
    : isObjectType(nodeType)
      ? [nodeType]
      : [];
  const nodeInfo: GraphQLResolveInfo = { ...info, fieldNodes: nodes };
  for (const type of types)
    forMarkedFields(nodeInfo, type, followReadOf, (read, args, fieldInfo) => {
      const pages = read(after, type.name, args, ctx, fieldInfo);
      if (!pages) return;
      pages.catch(() => undefined);
      startFollowingReads(ctx, fieldInfo, pages);
    });
}
