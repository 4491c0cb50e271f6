import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** What the cost of a request is computed with, besides the request itself. */
export interface ReadCostOptions {
  /** The page size a paged field reads when the request gives neither `first` nor `last`. */
  readonly defaultPageSize: number;
  /** Items a list with no page arguments (a metric's conflicts, an outcome's funders) is assumed to hold. */
  readonly unpagedListSize: number;
}

/**
 * The number of items a request may read: every paged field (one with `first` or `last`) counts
 * its page size, every other list of objects counts `unpagedListSize`, each multiplied by the items
 * of the lists it sits in. Page sizes come from literals, from variables (the coerced values) and
 * from the argument's default or the service's default page size. Scalars and single objects count
 * nothing: depth and token limits bound them.
 *
 * Computed from the document before any resolver runs, so a refusal costs no store work. Three
 * levels of `first: 100` count 100 + 100² + 100³ ≈ 1.01 million; four levels 10⁸.
 */
export function readCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>>,
  options: ReadCostOptions,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    else if (definition.kind === Kind.OPERATION_DEFINITION) {
      if (!operationName || definition.name?.value === operationName) operation ??= definition;
    }
  }
  if (!operation) return 0;
  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  if (!root) return 0;

  const argValue = (node: ValueNode): unknown => {
    switch (node.kind) {
      case Kind.VARIABLE:
        return variables[node.name.value];
      case Kind.INT:
        return Number.parseInt(node.value, 10);
      default:
        return undefined;
    }
  };

  /** The page size a paged field asks for, or null when the field takes no page arguments. */
  const pageSize = (node: FieldNode, field: GraphQLField<unknown, unknown>): number | null => {
    const pageArgs = field.args.filter((a) => a.name === 'first' || a.name === 'last');
    if (pageArgs.length === 0) return null;
    let size = 0;
    for (const arg of pageArgs) {
      const given = node.arguments?.find((a) => a.name.value === arg.name);
      const value = given ? argValue(given.value) : arg.defaultValue;
      if (typeof value === 'number' && Number.isFinite(value)) size = Math.max(size, value);
    }
    // Neither given (nor defaulted): the resolver reads the default page.
    return size > 0 ? size : options.defaultPageSize;
  };

  const walk = (
    set: SelectionSetNode,
    type: GraphQLCompositeType,
    multiplier: number,
    // True inside a paged field's result: its edges or nodes list is the page already counted.
    inPage: boolean,
  ): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const inner = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        if (inner && isCompositeType(inner)) cost += walk(selection.selectionSet, inner, multiplier, inPage);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const inner = fragment ? schema.getType(fragment.typeCondition.name.value) : undefined;
        if (fragment && inner && isCompositeType(inner))
          cost += walk(fragment.selectionSet, inner, multiplier, inPage);
        continue;
      }
      if (!selection.selectionSet || !('getFields' in type)) continue;
      const field = type.getFields()[selection.name.value];
      if (!field) continue;
      const named = getNamedType(field.type);
      if (!isCompositeType(named)) continue;
      const paged = pageSize(selection, field);
      const list = isListType(getNullableType(field.type));
      let items = 1;
      if (paged !== null) items = paged;
      else if (list && !inPage) items = options.unpagedListSize;
      if (paged !== null || (list && !inPage)) cost += multiplier * items;
      cost += walk(selection.selectionSet, named, multiplier * items, paged !== null);
    }
    return cost;
  };

  return walk(operation.selectionSet, root, 1, false);
}
