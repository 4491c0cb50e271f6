import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

type Answers = WeakMap<GraphQLResolveInfo['fieldNodes'], Map<string, boolean>>;
const seen: Answers = new WeakMap();
const seenOwn: Answers = new WeakMap();

/**
 * One answer per field of an operation and name: the executor hands every item of a list the same
 * field nodes, so a walk runs once per field, not once per parent.
 */
function remembered(
  answers: Answers,
  info: GraphQLResolveInfo,
  name: string,
  walk: (info: GraphQLResolveInfo, name: string) => boolean,
): boolean {
  let known = answers.get(info.fieldNodes);
  if (!known) {
    known = new Map();
    answers.set(info.fieldNodes, known);
  }
  let answer = known.get(name);
  if (answer === undefined) {
    answer = walk(info, name);
    known.set(name, answer);
  }
  return answer;
}

/**
 * Whether a field named `name` is selected anywhere below the field being resolved (through
 * fragments too). Reads use it to fetch long values, such as evidence lists, only for a query that
 * asks for them. Over-inclusive on purpose: a name anywhere below counts.
 */
export function selects(info: GraphQLResolveInfo, name: string): boolean {
  return remembered(seen, info, name, walkBelow);
}

function walkBelow(info: GraphQLResolveInfo, name: string): boolean {
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
  return info.fieldNodes.some((node) => walk(node.selectionSet));
}

/**
 * Whether the field being resolved selects `name` itself (through fragments, not deeper): a
 * connection's own totalCount, not one of a connection below it.
 */
export function selectsOwn(info: GraphQLResolveInfo, name: string): boolean {
  return remembered(seenOwn, info, name, walkOwn);
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
