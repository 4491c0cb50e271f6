import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

// Answers per field of an operation: the executor hands every item of a list the same field nodes.
const seen = new WeakMap<GraphQLResolveInfo['fieldNodes'], Map<string, boolean>>();
const seenOwn = new WeakMap<GraphQLResolveInfo['fieldNodes'], Map<string, boolean>>();

/**
 * Whether a field named `name` is selected anywhere below the field being resolved (through
 * fragments too). Reads use it to fetch long values, such as evidence lists, only for a query that
 * asks for them. Over-inclusive on purpose: a name anywhere below counts.
 */
export function selects(info: GraphQLResolveInfo, name: string): boolean {
  let answers = seen.get(info.fieldNodes);
  if (!answers) {
    answers = new Map();
    seen.set(info.fieldNodes, answers);
  }
  const known = answers.get(name);
  if (known !== undefined) return known;
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode | undefined): boolean => {
    if (!set) return false;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === name || walk(selection.selectionSet)) return true;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (walk(selection.selectionSet)) return true;
      } else {
        const fragment = selection.name.value;
        if (visited.has(fragment)) continue;
        visited.add(fragment);
        if (walk(info.fragments[fragment]?.selectionSet)) return true;
      }
    }
    return false;
  };
  const answer = info.fieldNodes.some((node) => walk(node.selectionSet));
  answers.set(name, answer);
  return answer;
}

/**
 * Whether the field being resolved selects `name` itself (through fragments, not deeper): a
 * connection's own totalCount, not one of a connection below it.
 */
export function selectsOwn(info: GraphQLResolveInfo, name: string): boolean {
  let answers = seenOwn.get(info.fieldNodes);
  if (!answers) {
    answers = new Map();
    seenOwn.set(info.fieldNodes, answers);
  }
  const known = answers.get(name);
  if (known !== undefined) return known;
  const answer = walkOwn(info, name);
  answers.set(name, answer);
  return answer;
}

function walkOwn(info: GraphQLResolveInfo, name: string): boolean {
  const visited = new Set<string>();
  const has = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === name;
      if (selection.kind === Kind.INLINE_FRAGMENT) return has(selection.selectionSet);
      const fragment = selection.name.value;
      if (visited.has(fragment)) return false;
      visited.add(fragment);
      return has(info.fragments[fragment]?.selectionSet);
    });
  return info.fieldNodes.some((node) => has(node.selectionSet));
}
