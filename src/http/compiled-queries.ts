import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  getOperationAST,
  getVariableValues,
  Kind,
  type OperationDefinitionNode,
  print,
  type SelectionSetNode,
  type Source,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';

/**
 * Queries a client sends again run as compiled functions (graphql-jit) instead of graphql-js's
 * interpreter: on Neo4j at 100k relationships, Node's CPU per request fell by a fifth to a quarter
 * (20 organisations with what they fund and those programmes' outcomes: 17.1 to 12.3 ms; one
 * organisation's funding lines: 8.3 to 6.5 ms), and on a request that reads little the executor is
 * most of what Node does.
 *
 * graphql-jit departs from graphql-js in ways the tests catch, so a query runs compiled only where
 * the two answer alike, and graphql-js answers the rest:
 * - it answers a mutation on this query-only schema with an internal error: only queries compile;
 * - it words variable errors its own way, with no code and at times the wrong variable's name:
 *   variables that graphql-js would refuse go to graphql-js, which refuses them;
 * - it puts the fields of fragments after a selection's own fields, and the fragments in reverse,
 *   where the spec keeps the query's order: a document compiles only when every order comes out the
 *   same (see `orderKept`);
 * - its field errors lose their locations in yoga (it keeps them as line and column, yoga rebuilds
 *   an error from nodes or source positions): they are made again from the document's source
 *   (`located`); and it puts data before errors in the answer: put back. An answer is never run
 *   again in graphql-js: many reads go straight to the request's reader, not through a loader, and
 *   would be read twice, within the one request's byte budget and deadline.
 * Introspection stays with graphql-js too (GraphiQL asks once per page load).
 *
 * A document compiles on its second run: compiling costs more than one interpreted run, and a
 * client sending a new document on every request must not make the service compile each one.
 * Compiled queries are held per parsed document, which yoga's parse cache keeps for a document
 * sent again and lets go of otherwise.
 */

/** How a request's operation ran: `compiled`, or `interpreted` by graphql-js. */
export type Execution = 'compiled' | 'interpreted';

interface DocumentFacts {
  runs: number;
  /** Per operation name: the compiled query, or null where it does not compile alike. */
  readonly compiled: Map<string, CompiledQuery | null>;
}

const documents = new WeakMap<DocumentNode, DocumentFacts>();

/** With `header`, each response says how its operation ran in `x-graphql-execution` (for tests and the bench). */
export function useCompiledQueries({ header }: { readonly header: boolean }): Plugin {
  const executions = new WeakMap<Request, Execution>();
  return {
    onExecute({ args, setExecuteFn }) {
      const request = (args.contextValue as { request?: Request }).request;
      const note = (execution: Execution) => request && executions.set(request, execution);
      note('interpreted');
      const compiled = compiledFor(args);
      if (!compiled) return;
      const source = args.document.loc?.source;
      setExecuteFn(async (execution) => {
        const result = (await compiled.query(
          execution.rootValue,
          execution.contextValue,
          execution.variableValues,
        )) as ExecutionResult;
        note('compiled');
        if (!result.errors?.length) return result;
        // graphql-js puts errors before data.
        const errors = result.errors.map((e) => located(e, source));
        const { data, extensions } = result;
        return extensions ? { errors, data, extensions } : { errors, data };
      });
    },
    onResponse({ request, response }) {
      const execution = executions.get(request);
      if (header && execution) response.headers.set('x-graphql-execution', execution);
    },
  };
}

/**
 * A graphql-jit error as graphql-js makes it. graphql-jit knows where the field is (its
 * `locations`) but not as nodes or source positions, which is what yoga rebuilds an error from, so
 * the error reached the client with no locations: it is made again from the document's source, at
 * the same places, with the same message, path and cause (whose extensions it takes, as graphql-js
 * does).
 */
function located(error: GraphQLError, source: Source | undefined): GraphQLError {
  const lines = source?.body.split('\n') ?? [];
  const positions = (error.locations ?? []).map(({ line, column }) => {
    let offset = 0;
    for (let i = 0; i < line - 1; i++) offset += (lines[i]?.length ?? 0) + 1;
    return offset + column - 1;
  });
  return new GraphQLError(error.message, {
    // A document parsed without locations (built in code) has none to give.
    ...(source && positions.length > 0 ? { source, positions } : {}),
    ...(error.path ? { path: error.path } : {}),
    ...(error.originalError ? { originalError: error.originalError } : {}),
  });
}

/** Counts the document's runs; the compiled query this run uses, if any. */
function compiledFor(args: ExecutionArgs): CompiledQuery | null {
  let facts = documents.get(args.document);
  if (!facts) {
    facts = { runs: 0, compiled: new Map() };
    documents.set(args.document, facts);
  }
  facts.runs++;
  if (facts.runs < 2) return null;
  const operation = getOperationAST(args.document, args.operationName);
  if (!operation) return null;
  const key = args.operationName ?? '';
  let compiled = facts.compiled.get(key);
  if (compiled === undefined) {
    compiled = null;
    if (operation.operation === 'query' && compilesAlike(args.document, operation)) {
      const query = compileQuery(args.schema, args.document, args.operationName ?? undefined);
      if (isCompiledQuery(query)) compiled = query;
    }
    facts.compiled.set(key, compiled);
  }
  if (!compiled) return null;
  const { errors } = getVariableValues(
    args.schema,
    operation.variableDefinitions ?? [],
    (args.variableValues ?? {}) as Record<string, unknown>,
  );
  return errors === undefined ? compiled : null;
}

type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;

/**
 * Selections the checks below may visit for one document. They visit a fragment once per place it
 * is spread, which a document can multiply (each fragment spreading the next twice): past the
 * budget the query stays interpreted.
 */
const CHECK_BUDGET = 20_000;

interface Walk {
  readonly fragments: Fragments;
  steps: number;
}

/** Whether graphql-jit answers this query as graphql-js does: no introspection, every order kept. */
function compilesAlike(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  const fragments: Fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const walk: Walk = { fragments, steps: CHECK_BUDGET };
  const root = fieldsOf(operation.selectionSet, walk);
  if (!root || root.some((f) => f.name.value === '__schema' || f.name.value === '__type')) return false;
  return orderKept(operation.selectionSet, walk);
}

/**
 * Whether a selection's keys come out in the same order from graphql-jit as from the spec's
 * CollectFields, at every level. graphql-jit takes a selection's own fields first and then its
 * fragments, the last first; the spec takes everything in the query's order. The two agree when:
 * - no field follows a fragment in any selection (the selection's own keys come first in both);
 * - a selection with two or more fragments brings at most one key its own fields do not (one key
 *   has no order to differ in), and a key two of them ask is asked alike each time (its
 *   subselections merge in the order of the occurrences, which differs too);
 * - no directive: a field that @skip leaves out still takes its place in graphql-jit.
 * A selection with one fragment is taken in the same order by both.
 */
function orderKept(selectionSet: SelectionSetNode, walk: Walk): boolean {
  const fields = fieldsOf(selectionSet, walk);
  if (!fields) return false;
  const inner = selectionSet.selections.flatMap((s) =>
    s.kind === Kind.INLINE_FRAGMENT
      ? [s.selectionSet]
      : s.kind === Kind.FRAGMENT_SPREAD
        ? [walk.fragments.get(s.name.value)?.selectionSet]
        : [],
  );
  if (inner.length >= 2) {
    const own = new Set(
      selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [responseKey(s)] : [])),
    );
    const byKey = new Map<string, FieldNode[]>();
    for (const field of fields)
      byKey.set(responseKey(field), [...(byKey.get(responseKey(field)) ?? []), field]);
    if ([...byKey.keys()].filter((key) => !own.has(key)).length > 1) return false;
    for (const [first, ...rest] of byKey.values()) {
      const text = printed(first as FieldNode, walk);
      if (rest.some((f) => printed(f, walk) !== text) || walk.steps < 0) return false;
    }
  }
  // Each fragment's own selection, then each field's subselection (graphql-js and graphql-jit both
  // merge a key's subselections occurrence by occurrence).
  if (!inner.every((set) => set !== undefined && orderKept(set, walk))) return false;
  return fields.every((field) => !field.selectionSet || orderKept(field.selectionSet, walk));
}

const prints = new WeakMap<FieldNode, string>();

/** A field as text, to compare; printing costs the budget a step per 10 characters. */
function printed(field: FieldNode, walk: Walk): string {
  let text = prints.get(field);
  if (text === undefined) {
    text = print(field);
    prints.set(field, text);
    walk.steps -= Math.ceil(text.length / 10);
  }
  return text;
}

/** The fields of a selection, its fragments' included, in the query's order; null where a rule above fails. */
function fieldsOf(selectionSet: SelectionSetNode, walk: Walk): FieldNode[] | null {
  const fields: FieldNode[] = [];
  let afterFragment = false;
  for (const selection of selectionSet.selections) {
    // Validation has refused fragment cycles before execution; the budget bounds the rest.
    if (--walk.steps < 0 || selection.directives?.length) return null;
    if (selection.kind === Kind.FIELD) {
      if (afterFragment) return null;
      fields.push(selection);
      continue;
    }
    afterFragment = true;
    const inner =
      selection.kind === Kind.INLINE_FRAGMENT
        ? selection.selectionSet
        : walk.fragments.get(selection.name.value)?.selectionSet;
    if (!inner) return null;
    const nested = fieldsOf(inner, walk);
    if (!nested) return null;
    fields.push(...nested);
  }
  return fields;
}

function responseKey(field: FieldNode): string {
  return field.alias?.value ?? field.name.value;
}
