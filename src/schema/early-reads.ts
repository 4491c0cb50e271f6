import {
  type FieldNode,
  type GraphQLField,
  type GraphQLResolveInfo,
  getArgumentValues,
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

function earlyReadOf(field: GraphQLField<unknown, unknown>): EarlyRead | null {
  const read = field.extensions?.[EARLY];
  return typeof read === 'function' ? (read as EarlyRead) : null;
}

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
  const fields = isObjectType(type) ? selectedFields(info, typeName) : null;
  if (!isObjectType(type) || !fields) return;
  for (const nodes of fields.values()) {
    const first = nodes[0] as FieldNode;
    const field = type.getFields()[first.name.value];
    const read = field ? earlyReadOf(field) : null;
    if (!field || !read || nodes.some((n) => n.name.value !== first.name.value)) continue;
    try {
      const args = getArgumentValues(field, first, info.variableValues);
      const fieldInfo: GraphQLResolveInfo = {
        ...info,
        fieldName: field.name,
        fieldNodes: nodes,
        returnType: field.type,
        parentType: type,
      };
      read(id, args, ctx, fieldInfo).catch(() => undefined);
    } catch {
      // Arguments the field will refuse: it says so when it runs.
    }
  }
}
