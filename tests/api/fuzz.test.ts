import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';
import { ROOT } from '../support/env.js';
import { type Served, servedGraph } from '../support/harness.js';

/**
 * A seeded fuzz of the whole HTTP GraphQL endpoint over the real HLP graph on Kuzu: 3,000 requests
 * (at least 2,000 asserted) built from the schema itself (graphql-js's GraphQLSchema, walked from
 * Query). Fields are chosen among each type's fields and nested a few levels, with aliases, inline
 * and named fragments, __typename and directives; every argument is generated from its input type:
 * valid values (real ids and cursors harvested from the graph first, small pages) and deliberately
 * wrong ones (wrong types, page sizes 0, -1, 101 and past 32 bits, garbage ids, garbage cursors and
 * base64 of the wrong kinds, enum values that do not exist, null for non-null, empty, very long and
 * unicode strings), some passed as variables declared with the matching type or a mismatched one.
 * Around those: real cursors with one sort value forged, sent back to their own connection and order;
 * documents that do not parse (truncated, mutated, token soup, nested thousands deep); and HTTP
 * requests that are wrong (bodies that are not JSON or not objects, fields of the wrong type, other
 * content types and methods, GET with variables in the URL, with and without the CSRF header).
 *
 * It proves that whatever a client sends, the answer keeps the README's Errors contract: never a 5xx;
 * always JSON with `data` or `errors`; every error has an extensions.code, none INTERNAL_SERVER_ERROR,
 * each one the README's table lists (read from README.md); a refusal code comes with a 4xx and a 4xx
 * with a refusal code; no error carries a stack trace, a file path or an engine's message (Kuzu's
 * exceptions, Neo4j's status codes). Afterwards the service still answers `{ __typename }`. The seed
 * is fixed: a failure lists each kind of broken answer with its smallest requests (by index in the
 * seeded sample, request and answer in full), and a rerun sends the very same requests.
 */

const SEED = 4242;
const RUNS = 3_000;
/** Composite levels below the root: two nested connections (connection, edges, node, twice). */
const ROOT_DEPTH = 6;

type Mode = 'valid' | 'wild';

/** An argument value: written in the document, or passed as a variable declared with some type. */
type Value =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'variable'; readonly type: string; readonly json: unknown; readonly send: boolean };

interface FieldSelection {
  readonly kind: 'field';
  readonly alias: string | null;
  readonly name: string;
  readonly args: readonly (readonly [string, Value])[];
  readonly directive: string | null;
  readonly selections: readonly Selection[] | null;
}

interface FragmentSelection {
  readonly kind: 'inline' | 'spread';
  readonly on: string | null;
  readonly selections: readonly Selection[];
}

type Selection = FieldSelection | FragmentSelection;

interface Operation {
  readonly keyword: 'query' | 'mutation' | 'subscription' | null;
  readonly name: string | null;
  readonly selections: readonly Selection[];
  /** Wild documents may carry another operation or an unused fragment. */
  readonly extra: string;
  /** Which operationName the request sends: the operation's own, none, or one the document lacks. */
  readonly operationName: 'own' | 'none' | 'other';
}

interface Printed {
  readonly query: string;
  readonly variables: Record<string, unknown>;
  readonly operationName: string | null;
}

/** One HTTP request of the fuzz. */
interface FuzzRequest {
  readonly label: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Uint8Array<ArrayBuffer> | null;
}

/** Real ids and cursors read from the graph before the run, cursors by the field that gave them. */
interface Pools {
  readonly ids: readonly string[];
  readonly cursors: ReadonlyMap<string, readonly string[]>;
  readonly allCursors: readonly string[];
  readonly scopes: readonly string[];
  /** Every cursor with where it came from: the field, its orderBy, the node it was read on (below the root). */
  readonly paged: readonly Paged[];
}

interface Paged {
  readonly field: string;
  readonly order: string;
  readonly cursor: string;
  readonly parent: { readonly id: string; readonly type: string } | null;
}

/** What must never reach a client: a stack frame, a file path, an engine's own message. */
const LEAKS: readonly RegExp[] = [
  /\n\s+at \S/,
  /\(\S+:\d+:\d+\)/,
  /\/work\b/,
  /node_modules/,
  /\.ts:/,
  /Binder exception/i,
  /Catalog exception/i,
  /Runtime exception/i,
  /Parser exception/i,
  /Conversion exception/i,
  /Buffer manager exception/i,
  /Connection exception/i,
  /Neo\.(ClientError|DatabaseError|TransientError)/,
];

const leaks = (text: string): boolean => LEAKS.some((pattern) => pattern.test(text));

/** The codes (and their HTTP status) the README's Errors table lists. */
function documentedCodes(): ReadonlyMap<string, number> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('- **Errors**');
  const end = readme.indexOf('\n- **', start + 1);
  const codes = new Map<string, number>();
  for (const line of readme.slice(start, end).split('\n')) {
    const cells = line.trim().split('|');
    if (cells.length < 4) continue;
    const status = Number.parseInt(cells[2]?.trim() ?? '', 10);
    if (!Number.isInteger(status)) continue;
    for (const match of (cells[1] ?? '').matchAll(/`([A-Z][A-Z_]+)`/g)) {
      if (match[1]) codes.set(match[1], status);
    }
  }
  return codes;
}

// ---------------------------------------------------------------------------------------------
// Values of input types

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** A value as a GraphQL literal of `type` (enum names bare, everything else as JSON would write it). */
function printLiteral(value: unknown, type: GraphQLInputType | undefined): string {
  const named = type ? getNamedType(type) : undefined;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return isEnumType(named) && NAME.test(value) ? value : JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const nullable = type ? getNullableType(type) : undefined;
    const item = nullable && isListType(nullable) ? nullable.ofType : type;
    return `[${value.map((v: unknown) => printLiteral(v, item)).join(' ')}]`;
  }
  if (typeof value === 'object') {
    const fields = isInputObjectType(named) ? named.getFields() : {};
    const entries = Object.entries(value).map(([k, v]) => `${k}: ${printLiteral(v, fields[k]?.type)}`);
    return `{ ${entries.join(', ')} }`;
  }
  return 'null';
}

/** Strings a message may echo: none of them may look like a leak, or the check would blame the echo. */
const safeString = (arb: fc.Arbitrary<string>) => arb.filter((s) => !leaks(s));

const STRANGE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'é',
  'e\u0301',
  '名前',
  '🏥🚒',
  '\u202eevil',
  '\u200b',
  "'; MATCH (n) DETACH DELETE n //",
  '") RETURN 1 //',
  '$text',
  '%',
  '_',
  '.*',
  '\\',
  '"',
  '\n\t',
  'x'.repeat(201),
  'é'.repeat(5_000),
  'x'.repeat(100_000),
];

/** Garbage ids: not base64, base64 of no kind, of an unknown kind, of a kind with a key that names nothing. */
const GARBAGE_IDS = [
  '',
  'zz',
  '!!',
  'T3Jn',
  b64('Organisation:'),
  b64('Organisation:org.nope'),
  b64('Relationship:nope'),
  b64('Relationship:'),
  b64('Nope:x'),
  b64(':'),
  b64('Organisation'),
  b64(`Programme:${'x'.repeat(2_000)}`),
  b64url('Organisation:org.london-fire-brigade'),
  'x'.repeat(20_000),
  '名前',
];

const OTHER_CURSORS = [
  '',
  'zz',
  '====',
  '!@#$',
  b64url('null'),
  b64url('{}'),
  b64url('"c"'),
  b64url('[]'),
  b64url('["c"]'),
  b64url('["c",5]'),
  b64url('["c","x",1,2,3]'),
  b64(JSON.stringify(['c', 'Organisation:name:asc', null, 1])),
  b64url('not json'),
];

const cursorPart: fc.Arbitrary<unknown> = fc.oneof(
  safeString(fc.string({ maxLength: 8 })),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom<unknown>(null, 1e300, -1e300, 1.5, -0.5, 2 ** 53, true, [], {}, ''),
);

/** A cursor decoded, one of its sort values replaced, encoded again: the right scope, the wrong value. */
function mutateCursor(cursor: string, at: number, value: unknown): string {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return cursor;
  }
  if (!Array.isArray(decoded) || decoded.length < 3) return cursor;
  const copy: unknown[] = [...decoded];
  copy[2 + (at % (copy.length - 2))] = value;
  return b64url(JSON.stringify(copy));
}

/** The key cursors are pooled by: `Query.organisations` at the root, the field name below it. */
const coordinate = (parent: string, field: string) => (parent === 'Query' ? `Query.${field}` : field);

function buildArbitraries(pools: Pools) {
  const memo = new Map<string, fc.Arbitrary<unknown>>();
  const memoised = <T>(key: string, make: () => fc.Arbitrary<T>): fc.Arbitrary<T> => {
    const known = memo.get(key);
    if (known) return known as fc.Arbitrary<T>;
    const made = make();
    memo.set(key, made);
    return made;
  };

  const realIds = fc.constantFrom(...pools.ids);
  const idArb = (mode: Mode): fc.Arbitrary<unknown> =>
    mode === 'valid'
      ? realIds
      : fc.oneof(
          { weight: 3, arbitrary: realIds },
          { weight: 3, arbitrary: fc.constantFrom<unknown>(...GARBAGE_IDS, 5, 0, -1) },
          { weight: 1, arbitrary: safeString(fc.string({ unit: 'grapheme', maxLength: 20 })) },
          { weight: 1, arbitrary: safeString(fc.string({ maxLength: 20 })).map(b64) },
          { weight: 1, arbitrary: realIds.map((id) => `${id}=`) },
        );

  const cursorArb = (mode: Mode, field: string): fc.Arbitrary<unknown> => {
    const own = pools.cursors.get(field) ?? [];
    const real = fc.constantFrom(...(own.length > 0 ? own : pools.allCursors));
    if (mode === 'valid') return real;
    return fc.oneof(
      { weight: 3, arbitrary: real },
      { weight: 2, arbitrary: fc.constantFrom(...pools.allCursors) },
      {
        weight: 4,
        arbitrary: fc.tuple(real, fc.nat(), cursorPart).map(([c, at, v]) => mutateCursor(c, at, v)),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(fc.constantFrom(...pools.scopes, 'nope', ''), fc.array(cursorPart, { maxLength: 4 }))
          .map(([scope, values]) => b64url(JSON.stringify(['c', scope, ...values]))),
      },
      { weight: 2, arbitrary: fc.constantFrom<unknown>(...OTHER_CURSORS) },
      { weight: 1, arbitrary: safeString(fc.string({ unit: 'grapheme', maxLength: 30 })) },
    );
  };

  const intArb = (mode: Mode, name: string): fc.Arbitrary<unknown> => {
    const valid =
      name === 'first' || name === 'last'
        ? fc.oneof(
            { weight: 8, arbitrary: fc.integer({ min: 1, max: 3 }) },
            { weight: 1, arbitrary: fc.constant(0) },
          )
        : name === 'maxHops'
          ? fc.integer({ min: 1, max: 6 })
          : name === 'seed'
            ? fc.integer()
            : name === 'year'
              ? fc.integer({ min: 2014, max: 2021 })
              : fc.integer({ min: 0, max: 5 });
    if (mode === 'valid') return valid;
    return fc.oneof(
      { weight: 4, arbitrary: valid },
      {
        weight: 4,
        arbitrary: fc.constantFrom<unknown>(
          0,
          -1,
          21,
          101,
          1_000,
          2_147_483_647,
          2_147_483_648,
          -2_147_483_649,
          1e20,
          Number.MAX_SAFE_INTEGER,
          1.5,
          -0.5,
        ),
      },
      { weight: 1, arbitrary: fc.integer() },
      { weight: 1, arbitrary: fc.constantFrom<unknown>('10', '', true, [1], {}) },
    );
  };

  const stringArb = (mode: Mode, name: string): fc.Arbitrary<unknown> => {
    const valid =
      name === 'period'
        ? fc.constantFrom('2019/20', '2018/19', '2017/18', '2016/17', '2015/16', '2020/21')
        : name === 'role'
          ? fc.constantFrom('partner', 'lead', 'chair', 'funder', 'member')
          : name === 'category' || name === 'unit'
            ? fc.constantFrom('health', 'mental health', 'people', '%', '£')
            : fc.constantFrom('LFB', 'Thrive', 'london', 'NHS', 'health', 'a', 'Healthy London Partnership');
    if (mode === 'valid') return valid;
    return fc.oneof(
      { weight: 4, arbitrary: valid },
      { weight: 3, arbitrary: fc.constantFrom<unknown>(...STRANGE_STRINGS) },
      { weight: 2, arbitrary: safeString(fc.string({ unit: 'grapheme', maxLength: 40 })) },
      { weight: 1, arbitrary: safeString(fc.string({ unit: 'binary', maxLength: 20 })) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(5, true, ['a'], { a: 1 }) },
    );
  };

  const scalarArb = (mode: Mode, type: string, name: string, field: string): fc.Arbitrary<unknown> => {
    if (name === 'after' || name === 'before') return cursorArb(mode, field);
    if (type === 'ID') return idArb(mode);
    if (type === 'Int') return intArb(mode, name);
    if (type === 'String') return stringArb(mode, name);
    if (type === 'Boolean') {
      return mode === 'valid'
        ? fc.boolean()
        : fc.oneof(fc.boolean(), fc.constantFrom<unknown>('true', 1, 0, null));
    }
    if (type === 'Float') {
      const valid = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
      return mode === 'valid' ? valid : fc.oneof(valid, fc.constantFrom<unknown>('1', 1e308, -1e308, []));
    }
    return stringArb(mode, name);
  };

  /** Values of an input type, as JavaScript (JSON) values; `name` and `field` say what they feed. */
  const inputArb = (
    type: GraphQLInputType,
    mode: Mode,
    name: string,
    field: string,
  ): fc.Arbitrary<unknown> => {
    const hint = name === 'after' || name === 'before' ? field : '';
    return memoised(`in|${String(type)}|${mode}|${name}|${hint}`, (): fc.Arbitrary<unknown> => {
      if (isNonNullType(type)) {
        const inner = inputArb(type.ofType, mode, name, field);
        return mode === 'valid'
          ? inner
          : fc.oneof({ weight: 9, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) });
      }
      if (isListType(type)) {
        const item = inputArb(type.ofType, mode, name, field);
        const valid = fc.oneof(
          { weight: 4, arbitrary: fc.array(item, { maxLength: 3 }) },
          { weight: 1, arbitrary: item },
        );
        if (mode === 'valid') return valid;
        return fc.oneof(
          { weight: 5, arbitrary: valid },
          { weight: 1, arbitrary: fc.array(fc.constant(null), { minLength: 1, maxLength: 2 }) },
          {
            weight: 1,
            arbitrary: fc.array(fc.array(item, { maxLength: 2 }), { minLength: 1, maxLength: 2 }),
          },
          { weight: 1, arbitrary: fc.array(item, { minLength: 101, maxLength: 150 }) },
        );
      }
      if (isInputObjectType(type)) {
        const fields = Object.values(type.getFields());
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        for (const f of fields) model[f.name] = inputArb(f.type, mode, f.name, field);
        const required = fields
          .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
          .map((f) => f.name);
        const valid = fc.record(model, { requiredKeys: required });
        if (mode === 'valid') return valid;
        return fc.oneof(
          { weight: 5, arbitrary: valid },
          { weight: 1, arbitrary: fc.record(model, { requiredKeys: [] }) },
          { weight: 1, arbitrary: valid.map((v) => ({ ...v, nope: 1 })) },
          { weight: 1, arbitrary: fc.constantFrom<unknown>('x', 5, [], true) },
        );
      }
      if (isEnumType(type)) {
        const names = type.getValues().map((v) => v.name);
        const valid = fc.constantFrom<unknown>(...names);
        if (mode === 'valid') return valid;
        return fc.oneof(
          { weight: 4, arbitrary: valid },
          {
            weight: 2,
            arbitrary: fc.constantFrom<unknown>('NOPE', '', 5, true, ...names.map((n) => n.toLowerCase())),
          },
        );
      }
      return scalarArb(mode, isScalarType(type) ? type.name : 'String', name, field);
    });
  };

  const wrongTypes = (type: GraphQLInputType): string[] => {
    const own = String(type);
    const candidates = [
      'String',
      'Int',
      'ID!',
      'Boolean',
      '[String!]!',
      'Nope',
      `[${own}]`,
      'OrganisationFilter',
    ];
    if (isNonNullType(type)) candidates.push(String(type.ofType));
    return candidates.filter((c) => c !== own);
  };

  /** One argument's value: a literal or a variable (declared with its type, or with another in wild mode). */
  const valueArb = (type: GraphQLInputType, mode: Mode, name: string, field: string): fc.Arbitrary<Value> => {
    const js = inputArb(type, mode, name, field);
    const literal = js.map((v): Value => ({ kind: 'literal', text: printLiteral(v, type) }));
    const declared =
      mode === 'valid'
        ? fc.constant(String(type))
        : fc.oneof(
            { weight: 6, arbitrary: fc.constant(String(type)) },
            { weight: 2, arbitrary: fc.constantFrom(...wrongTypes(type)) },
          );
    const send =
      mode === 'valid'
        ? fc.constant(true)
        : fc.oneof({ weight: 8, arbitrary: fc.constant(true) }, fc.constant(false));
    const variable = fc
      .record({ type: declared, json: js, send })
      .map((v): Value => ({ kind: 'variable', ...v }));
    const options: fc.WeightedArbitrary<Value>[] = [
      { weight: 3, arbitrary: literal },
      { weight: 1, arbitrary: variable },
    ];
    if (mode === 'wild') {
      options.push({
        weight: 1,
        arbitrary: fc
          .constantFrom('$undeclared', '"""block"""', '[[]]', '{}', '1.5', 'true', 'ENUM_NOPE', 'null')
          .map((text): Value => ({ kind: 'literal', text })),
      });
    }
    return fc.oneof(...options);
  };

  const argsArb = (
    parent: string,
    field: GraphQLField<unknown, unknown>,
    mode: Mode,
  ): fc.Arbitrary<readonly (readonly [string, Value])[]> => {
    const where = coordinate(parent, field.name);
    const parts = field.args.map((arg) => {
      const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
      const given = valueArb(arg.type, mode, arg.name, where).map((v) => [arg.name, v] as const);
      const none = fc.constant(null);
      if (required)
        return mode === 'valid'
          ? given
          : fc.oneof({ weight: 12, arbitrary: given }, { weight: 1, arbitrary: none });
      const paging = arg.name === 'first' || arg.name === 'last';
      return fc.oneof(
        { weight: paging ? 3 : 1, arbitrary: given },
        { weight: paging ? 1 : 2, arbitrary: none },
      );
    });
    const chosen = fc.tuple(...parts).map((xs) => xs.filter((x) => x !== null));
    if (mode === 'valid') return chosen;
    const extra = fc.oneof(
      { weight: 12, arbitrary: fc.constant<(readonly [string, Value])[]>([]) },
      {
        weight: 1,
        arbitrary: fc.constant<(readonly [string, Value])[]>([['nope', { kind: 'literal', text: '1' }]]),
      },
    );
    return fc.tuple(chosen, extra).map(([a, b]) => [...a, ...b]);
  };

  const aliasArb = fc.oneof(
    { weight: 6, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/) },
  );

  const directiveArb = (mode: Mode) =>
    mode === 'valid'
      ? fc.oneof(
          { weight: 12, arbitrary: fc.constant(null) },
          {
            weight: 1,
            arbitrary: fc.constantFrom('@include(if: true)', '@skip(if: false)', '@skip(if: true)'),
          },
        )
      : fc.oneof(
          { weight: 10, arbitrary: fc.constant(null) },
          {
            weight: 1,
            arbitrary: fc.constantFrom(
              '@nope',
              '@include',
              '@skip(if: "yes")',
              '@include(if: $undeclared)',
              '@deprecated',
            ),
          },
        );

  const fieldArb = (
    parent: GraphQLCompositeType,
    field: GraphQLField<unknown, unknown>,
    selections: fc.Arbitrary<readonly Selection[]> | null,
    mode: Mode,
  ): fc.Arbitrary<Selection> =>
    fc
      .record({
        alias: aliasArb,
        args: argsArb(parent.name, field, mode),
        directive: directiveArb(mode),
        selections: selections ?? fc.constant(null),
      })
      .map((f): Selection => ({ kind: 'field', name: field.name, ...f }));

  const typenameArb: fc.Arbitrary<Selection> = aliasArb.map((alias) => ({
    kind: 'field',
    alias,
    name: '__typename',
    args: [],
    directive: null,
    selections: null,
  }));

  const bare = (name: string, selections: readonly Selection[] | null = null): Selection => ({
    kind: 'field',
    alias: null,
    name,
    args: [],
    directive: null,
    selections,
  });

  /** Selection sets on a type: its fields, __typename, fragments on its possible types, `depth` levels deep. */
  const selectionsArb = (
    type: GraphQLCompositeType,
    depth: number,
    mode: Mode,
  ): fc.Arbitrary<readonly Selection[]> =>
    memoised(`sel|${type.name}|${depth}|${mode}`, () => {
      const options: fc.WeightedArbitrary<Selection>[] = [{ weight: 1, arbitrary: typenameArb }];
      const fields = isObjectType(type) || isInterfaceType(type) ? Object.values(type.getFields()) : [];
      for (const field of fields) {
        const named = getNamedType(field.type);
        if (isCompositeType(named)) {
          if (depth > 0)
            options.push({
              weight: 2,
              arbitrary: fieldArb(type, field, selectionsArb(named, depth - 1, mode), mode),
            });
          // A field of an object type with no selection set does not validate.
          else if (mode === 'wild') options.push({ weight: 1, arbitrary: fieldArb(type, field, null, mode) });
        } else {
          options.push({ weight: 3, arbitrary: fieldArb(type, field, null, mode) });
        }
      }
      if (depth > 0) {
        const targets: GraphQLCompositeType[] = isAbstractType(type)
          ? [...schema.getPossibleTypes(type)]
          : isObjectType(type)
            ? [type, ...type.getInterfaces()]
            : [type];
        for (const target of targets) {
          const inner = selectionsArb(target, depth - 1, mode);
          options.push({
            weight: 1,
            arbitrary: inner.map((s): Selection => ({ kind: 'inline', on: target.name, selections: s })),
          });
          options.push({
            weight: 1,
            arbitrary: inner.map((s): Selection => ({ kind: 'spread', on: target.name, selections: s })),
          });
        }
        options.push({
          weight: 1,
          arbitrary: selectionsArb(type, depth - 1, mode).map(
            (s): Selection => ({ kind: 'inline', on: null, selections: s }),
          ),
        });
      }
      if (mode === 'wild') {
        options.push({
          weight: 1,
          arbitrary: fc.constantFrom<Selection>(
            bare('nope'),
            bare('__schema', [bare('queryType', [bare('name')])]),
            bare('id', [bare('x')]),
            { kind: 'inline', on: 'Stats', selections: [bare('__typename')] },
            { kind: 'spread', on: 'Nope', selections: [bare('__typename')] },
            { kind: 'inline', on: 'String', selections: [bare('__typename')] },
          ),
        });
      }
      return fc.array(fc.oneof(...options), { minLength: 1, maxLength: depth >= 4 ? 3 : 2 });
    });

  const queryType = schema.getQueryType();
  if (!queryType) throw new Error('the schema has no Query type');

  const operationArb = (mode: Mode): fc.Arbitrary<Operation> =>
    fc.record({
      keyword:
        mode === 'valid'
          ? fc.constantFrom<Operation['keyword']>('query', null)
          : fc.oneof(
              { weight: 12, arbitrary: fc.constantFrom<Operation['keyword']>('query', null) },
              { weight: 1, arbitrary: fc.constantFrom<Operation['keyword']>('mutation', 'subscription') },
            ),
      name: fc.oneof(fc.constant(null), fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,8}$/)),
      selections: selectionsArb(queryType, ROOT_DEPTH, mode),
      extra:
        mode === 'valid'
          ? fc.constant('')
          : fc.oneof(
              { weight: 10, arbitrary: fc.constant('') },
              {
                weight: 1,
                arbitrary: fc.constantFrom(
                  'query Other { __typename }',
                  'fragment Unused on Query { __typename }',
                  'mutation M { nope }',
                  '{ __typename }',
                ),
              },
            ),
      operationName:
        mode === 'valid'
          ? fc.constantFrom<Operation['operationName']>('own', 'none')
          : fc.oneof(
              { weight: 6, arbitrary: fc.constant<Operation['operationName']>('own') },
              { weight: 3, arbitrary: fc.constant<Operation['operationName']>('none') },
              { weight: 1, arbitrary: fc.constant<Operation['operationName']>('other') },
            ),
    });

  return { operationArb };
}

// ---------------------------------------------------------------------------------------------
// Documents

function printOperation(op: Operation): Printed {
  const definitions: string[] = [];
  const variables: Record<string, unknown> = {};
  const fragments: string[] = [];
  const value = (v: Value): string => {
    if (v.kind === 'literal') return v.text;
    const name = `v${definitions.length}`;
    definitions.push(`$${name}: ${v.type}`);
    if (v.send) variables[name] = v.json;
    return `$${name}`;
  };
  const set = (selections: readonly Selection[]): string => `{ ${selections.map(selection).join(' ')} }`;
  const selection = (s: Selection): string => {
    if (s.kind === 'field') {
      const args = s.args.length > 0 ? `(${s.args.map(([n, v]) => `${n}: ${value(v)}`).join(', ')})` : '';
      const alias = s.alias ? `${s.alias}: ` : '';
      const directive = s.directive ? ` ${s.directive}` : '';
      return `${alias}${s.name}${args}${directive}${s.selections ? ` ${set(s.selections)}` : ''}`;
    }
    if (s.kind === 'inline') return `...${s.on ? ` on ${s.on}` : ''} ${set(s.selections)}`;
    const index = fragments.push('') - 1;
    fragments[index] = `fragment F${index} on ${s.on} ${set(s.selections)}`;
    return `...F${index}`;
  };
  const body = set(op.selections);
  const named = op.keyword !== null || definitions.length > 0 || op.name !== null;
  const head = named
    ? `${op.keyword ?? 'query'}${op.name ? ` ${op.name}` : ''}${definitions.length > 0 ? `(${definitions.join(', ')})` : ''} `
    : '';
  const query = [`${head}${body}`, ...fragments, op.extra].filter((s) => s !== '').join('\n');
  const operationName =
    op.operationName === 'own' ? op.name : op.operationName === 'other' ? 'Elsewhere' : null;
  return { query, variables, operationName };
}

const TOKENS = [
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ':',
  '$',
  '!',
  '=',
  '@',
  '...',
  '|',
  '&',
  '"str"',
  '"""block"""',
  '"unterminated',
  '12',
  '-0',
  '1.5e',
  '0x1F',
  'query',
  'mutation',
  'fragment',
  'on',
  'node',
  'organisations',
  'edges',
  'first',
  'id',
  'null',
  'true',
  '# comment\n',
  '\u00e9',
  '\u0000',
  '\ufeff',
];

/** Nestings thousands deep that stay under the token limit (10,000). */
const deep = (n: number) => [
  `{ search(text: "a", kinds: ${'['.repeat(n)}${']'.repeat(n)}) { score } }`,
  `{ stats ${'{ a '.repeat(n)}${'}'.repeat(n)}}`,
  `{ organisations(filter: ${'{ a: '.repeat(n)}1${' }'.repeat(n)}) { totalCount } }`,
];

// ---------------------------------------------------------------------------------------------
// HTTP requests

const URL_BASE = 'http://test/graphql';
const acceptArb = fc.oneof(
  { weight: 8, arbitrary: fc.constant<string | null>('application/json') },
  { weight: 2, arbitrary: fc.constant<string | null>('application/graphql-response+json') },
  { weight: 1, arbitrary: fc.constant<string | null>('*/*') },
  { weight: 1, arbitrary: fc.constant<string | null>(null) },
);

function headers(contentType: string | null, accept: string | null, csrf = false): Record<string, string> {
  const h: Record<string, string> = {};
  if (contentType !== null) h['content-type'] = contentType;
  if (accept !== null) h['accept'] = accept;
  if (csrf) h['x-graphql-yoga-csrf'] = '1';
  return h;
}

const jsonBody = (p: Printed): string =>
  JSON.stringify({
    query: p.query,
    variables: p.variables,
    ...(p.operationName !== null ? { operationName: p.operationName } : {}),
  });

function postArb(label: string, printed: fc.Arbitrary<Printed>): fc.Arbitrary<FuzzRequest> {
  return fc.tuple(printed, acceptArb).map(([p, accept]) => ({
    label,
    method: 'POST',
    url: URL_BASE,
    headers: headers('application/json', accept),
    body: jsonBody(p),
  }));
}

function getArb(printed: fc.Arbitrary<Printed>): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(printed, fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, fc.constant(false)))
    .map(([p, csrf]) => {
      const params = new URLSearchParams({ query: p.query });
      if (Object.keys(p.variables).length > 0) params.set('variables', JSON.stringify(p.variables));
      if (p.operationName !== null) params.set('operationName', p.operationName);
      return {
        label: csrf ? 'GET operation' : 'GET operation without the CSRF header',
        method: 'GET',
        url: `${URL_BASE}?${params.toString()}`,
        headers: headers(null, 'application/json', csrf),
        body: null,
      };
    });
}

const TYPENAME = '{"query":"{ __typename }"}';

/** HTTP requests that are wrong on their own: the body, its type, the method, the URL. */
const malformedHttpArb: fc.Arbitrary<FuzzRequest> = fc.oneof(
  fc
    .oneof(
      fc.constantFrom(
        '',
        '{"query": ',
        '{',
        'query { __typename }',
        "{'query': '{ __typename }'}",
        `${TYPENAME}x`,
      ),
      safeString(fc.string({ maxLength: 40 })),
    )
    .map((body) => ({
      label: 'POST body that is not JSON',
      method: 'POST',
      url: URL_BASE,
      headers: headers('application/json', 'application/json'),
      body,
    })),
  fc
    .constantFrom(
      'null',
      '[]',
      '5',
      '"x"',
      'true',
      `[${TYPENAME}]`,
      '{}',
      '{"query": 5}',
      '{"query": null}',
      '{"query": []}',
      '{"query": {}}',
      '{"query": ""}',
      '{"query":"{ __typename }","variables":"x"}',
      '{"query":"{ __typename }","variables":5}',
      '{"query":"{ __typename }","variables":[1]}',
      '{"query":"{ __typename }","variables":null}',
      '{"query":"{ __typename }","extensions":5}',
      '{"query":"{ __typename }","extensions":"x"}',
      '{"query":"{ __typename }","operationName":5}',
      '{"query":"{ __typename }","operationName":{}}',
      '{"query":"{ __typename }","operationName":"Nope"}',
      '{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"abc"}}}',
      `{"query":"query($a: [[String]]) { __typename }","variables":{"a":${'['.repeat(5_000)}${']'.repeat(5_000)}}}`,
      `{"query":"query($f: OrganisationFilter) { organisations(first: 1, filter: $f) { totalCount } }","variables":{"f":${'{"nameContains":'.repeat(2_000)}1${'}'.repeat(2_000)}}}`,
      `{"query":"{ __typename }","variables":{"x":"${'x'.repeat(200_000)}"}}`,
    )
    .map((body) => ({
      label: 'POST JSON of the wrong shape',
      method: 'POST',
      url: URL_BASE,
      headers: headers('application/json', 'application/json'),
      body,
    })),
  fc
    .tuple(
      fc.constantFrom(
        null,
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
        'text/html',
        'foo/bar',
        'application/json;;;',
        'application/json; charset=utf-16',
        'application/graphql',
      ),
      fc.constantFrom(TYPENAME, '{ __typename }', 'query=%7B__typename%7D'),
    )
    .map(([type, body]) => ({
      label: `POST with content-type ${type ?? '(none)'}`,
      method: 'POST',
      url: URL_BASE,
      headers: headers(type, 'application/json'),
      body,
    })),
  fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS').map((method) => ({
    label: `${method} request`,
    method,
    url: URL_BASE,
    headers: headers('application/json', 'application/json', true),
    body: method === 'OPTIONS' ? null : TYPENAME,
  })),
  fc
    .tuple(
      fc.constantFrom(
        'query=%7B__typename%7D&variables=%7Bnot-json',
        'query=%7B__typename%7D&variables=5',
        'query=%7B__typename%7D&variables=%5B%5D',
        'query=%7B__typename%7D&variables=null',
        'query=%7B__typename%7D&extensions=%7B',
        'query=%7B__typename%7D&extensions=%22x%22',
        'query=%7B__typename%7D&operationName=Nope',
        'query=',
        'variables=%7B%7D',
        '',
        'query=%7B__typename&variables=%7B%7D',
        'query=mutation%20%7B%20nope%20%7D',
        'query=%7B__typename%7D&query=%7Bstats%7BgraphVersion%7D%7D',
        'query=%E0%A4%A',
      ),
      fc.boolean(),
    )
    .map(([search, csrf]) => ({
      label: csrf ? 'GET with a wrong URL' : 'GET with a wrong URL, no CSRF header',
      method: 'GET',
      url: `${URL_BASE}?${search}`,
      headers: headers(null, 'application/json', csrf),
      body: null,
    })),
  fc
    .constantFrom(new Uint8Array([0xff, 0xfe, 0x7b]), new Uint8Array([0x7b, 0x22, 0xc3, 0x28]))
    .map((body) => ({
      label: 'POST body that is not UTF-8',
      method: 'POST',
      url: URL_BASE,
      headers: headers('application/json', 'application/json'),
      body,
    })),
);

/** Documents that do not parse, or parse to something no schema walk produces. */
function malformedDocArb(valid: fc.Arbitrary<Printed>): fc.Arbitrary<Printed> {
  const plain = (query: string): Printed => ({ query, variables: {}, operationName: null });
  return fc.oneof(
    fc
      .tuple(valid, fc.nat())
      .map(([p, at]) => ({ ...p, query: p.query.slice(0, at % Math.max(1, p.query.length)) })),
    fc
      .tuple(
        valid,
        fc.nat(),
        fc.constantFrom('{', '}', '(', ')', ':', '$', '!', '"', '@', '...', '#', '\\', ''),
      )
      .map(([p, at, c]) => {
        const i = at % Math.max(1, p.query.length);
        return { ...p, query: `${p.query.slice(0, i)}${c}${p.query.slice(i + 1)}` };
      }),
    fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }).map((tokens) => plain(tokens.join(' '))),
    fc.constantFrom(...[10, 100, 1_000, 3_000, 4_900].flatMap(deep)).map(plain),
    fc
      .constantFrom(
        '',
        '   ',
        '# only a comment',
        '{}',
        '{ __typename',
        'query',
        'fragment F on Query { __typename }',
        `{ ${'__typename '.repeat(10_001)}}`,
        `{ ${Array.from({ length: 251 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
        `{ ${'__typename @skip(if: false) '.repeat(21)}}`,
      )
      .map(plain),
  );
}

// ---------------------------------------------------------------------------------------------
// Harvest: real ids and cursors, read through the API before the run

type Field = GraphQLField<unknown, unknown>;

/** The connection fields of a type: a `first` argument, and `edges` on what it returns. */
function connectionFields(type: GraphQLCompositeType): Field[] {
  if (!isObjectType(type) && !isInterfaceType(type)) return [];
  return Object.values(type.getFields()).filter((f) => {
    const named = getNamedType(f.type);
    return f.args.some((a) => a.name === 'first') && isObjectType(named) && 'edges' in named.getFields();
  });
}

function edgeNode(connection: Field): { edge: GraphQLObjectType; node: GraphQLCompositeType } | null {
  const named = getNamedType(connection.type);
  if (!isObjectType(named)) return null;
  const edge = getNamedType(named.getFields()['edges']?.type);
  if (!isObjectType(edge)) return null;
  const node = getNamedType(edge.getFields()['node']?.type);
  return node && isCompositeType(node) ? { edge, node } : null;
}

/** `orderBy:` values of a connection: every field of its order enum, with each direction or none. */
function orderVariants(connection: Field): string[] {
  const arg = connection.args.find((a) => a.name === 'orderBy');
  const input = arg ? getNamedType(arg.type) : undefined;
  if (!isInputObjectType(input)) return [''];
  const fields = input.getFields();
  const by = getNamedType(fields['field']?.type);
  const direction = getNamedType(fields['direction']?.type);
  if (!isEnumType(by)) return [''];
  const directions = isEnumType(direction) ? [null, ...direction.getValues().map((v) => v.name)] : [null];
  const variants = [''];
  for (const f of by.getValues()) {
    for (const d of directions)
      variants.push(`, orderBy: { field: ${f.name}${d ? `, direction: ${d}` : ''} }`);
  }
  return variants;
}

async function harvest(api: Served): Promise<Pools> {
  const query = schema.getQueryType();
  if (!query) throw new Error('the schema has no Query type');
  /** Each aliased connection of the harvest: the pool it fills, its field and its orderBy. */
  const aliases = new Map<string, { where: string; field: string; order: string }>();
  let next = 0;
  const alias = (where: string, field: string, order: string) => {
    const name = `h${next++}`;
    aliases.set(name, { where, field, order });
    return name;
  };
  const idOf = (type: GraphQLCompositeType) =>
    (isObjectType(type) || isInterfaceType(type)) && 'id' in type.getFields() ? ' id' : '';
  const page = (f: Field, order: string, where: string, size: number) => {
    const inner = edgeNode(f);
    if (!inner) return '';
    const relationship = 'relationship' in inner.edge.getFields() ? ' relationship { id }' : '';
    return `${alias(where, f.name, order)}: ${f.name}(first: ${size}${order}) { edges { cursor${relationship} node { __typename${idOf(inner.node)} } } }`;
  };
  // Root lists in every order; on their first nodes, every connection in every order (one request
  // per connection: all its orders as aliases stay under the alias and read-cost limits).
  const requests: string[] = [];
  for (const field of connectionFields(query)) {
    const inner = edgeNode(field);
    if (!inner) continue;
    const roots = orderVariants(field).map((order) => page(field, order, `Query.${field.name}`, 3));
    for (let i = 0; i < roots.length; i += 5) requests.push(roots.slice(i, i + 5).join(' '));
    for (const below of connectionFields(inner.node)) {
      const pages = orderVariants(below).map((order) => page(below, order, below.name, 3));
      requests.push(`${field.name}(first: 2) { edges { node { __typename id ${pages.join(' ')} } } }`);
    }
  }
  const network = query.getFields()['network'];
  const networkType = network ? getNamedType(network.type) : undefined;
  if (networkType && isCompositeType(networkType)) {
    requests.push(
      `network { ${connectionFields(networkType)
        .map((f) => page(f, '', f.name, 3))
        .join(' ')} }`,
    );
  }

  const ids = new Set<string>();
  const cursors = new Map<string, Set<string>>();
  const paged: Paged[] = [];
  type Where = { where: string; field: string; order: string } | null;
  const walk = (value: unknown, where: Where, parent: Paged['parent'], node: Paged['parent']): void => {
    if (Array.isArray(value)) {
      for (const v of value) walk(v, where, parent, node);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    const id = record['id'];
    const type = record['__typename'];
    const self = typeof id === 'string' && typeof type === 'string' ? { id, type } : node;
    for (const [key, v] of Object.entries(record)) {
      if (key === 'id' && typeof v === 'string') ids.add(v);
      else if (key === 'cursor' && typeof v === 'string' && where) {
        const pool = cursors.get(where.where) ?? new Set<string>();
        pool.add(v);
        cursors.set(where.where, pool);
        const root = where.where.startsWith('Query.');
        // A connection below something that is no node (the network) cannot be asked for again by id.
        if (root || parent)
          paged.push({ field: where.field, order: where.order, cursor: v, parent: root ? null : parent });
      } else {
        const below = aliases.get(key);
        // A connection below a node pages that node's relationships.
        walk(v, below ?? where, below ? self : parent, self);
      }
    }
  };
  for (const request of requests) walk(await api.gqlData(`{ ${request} }`), null, null, null);
  const allCursors = [...cursors.values()].flatMap((set) => [...set]).sort();
  const scopes = new Set<string>();
  for (const cursor of allCursors) {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && typeof decoded[1] === 'string') scopes.add(decoded[1]);
  }
  return {
    ids: [...ids].sort(),
    cursors: new Map([...cursors].map(([k, v]) => [k, [...v].sort()])),
    allCursors,
    scopes: [...scopes].sort(),
    paged,
  };
}

/**
 * A cursor of a real connection, one of its sort values swapped for a value of another type or out
 * of range, sent back to the same connection in the same order (so it gets past the scope check).
 */
function forgedCursorArb(pools: Pools): fc.Arbitrary<Printed> {
  return fc
    .tuple(fc.constantFrom(...pools.paged), fc.nat(), cursorPart, fc.boolean())
    .map(([p, at, value, backwards]) => {
      const cursor = mutateCursor(p.cursor, at, value);
      const window = backwards ? 'last: 2, before: $c' : 'first: 2, after: $c';
      const inner = `${p.field}(${window}${p.order}) { totalCount edges { cursor } pageInfo { hasNextPage } }`;
      return p.parent
        ? {
            query: `query($id: ID!, $c: String) { node(id: $id) { ... on ${p.parent.type} { ${inner} } } }`,
            variables: { id: p.parent.id, c: cursor },
            operationName: null,
          }
        : { query: `query($c: String) { ${inner} }`, variables: { c: cursor }, operationName: null };
    });
}

// ---------------------------------------------------------------------------------------------
// The property

interface Answer {
  readonly status: number;
  readonly text: string;
}

interface WireError {
  readonly message?: unknown;
  readonly extensions?: { readonly code?: unknown };
}

/**
 * Everything wrong with one answer, by the README's contract, each named so that answers wrong the
 * same way group together (the message of an error with no code is part of its name: it says whose).
 */
function problemsOf(answer: Answer, codes: ReadonlyMap<string, number>): string[] {
  const problems = new Set<string>();
  if (answer.status >= 500) problems.add(`status ${answer.status}`);
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    problems.add(`status ${answer.status}, the body is not JSON`);
    return [...problems];
  }
  if (!body || typeof body !== 'object' || !('data' in body || 'errors' in body)) {
    problems.add('the body has neither data nor errors');
    return [...problems];
  }
  const raw = 'errors' in body ? body.errors : undefined;
  if (raw !== undefined && !Array.isArray(raw)) problems.add('errors is not a list');
  const errors: WireError[] = Array.isArray(raw) ? raw : [];
  if (answer.status >= 400 && errors.length === 0) problems.add(`status ${answer.status} with no errors`);
  let refusals = 0;
  for (const error of errors) {
    const code = error.extensions?.code;
    const message = typeof error.message === 'string' ? error.message : '';
    if (typeof code !== 'string') problems.add(`an error with no code ("${message.slice(0, 60)}")`);
    else if (code === 'INTERNAL_SERVER_ERROR') problems.add('INTERNAL_SERVER_ERROR');
    else if (!codes.has(code)) problems.add(`code ${code}, not in the README's table`);
    else if ((codes.get(code) ?? 0) >= 400) refusals++;
    if (leaks(JSON.stringify(error)))
      problems.add('an error leaks internals (stack, path or engine message)');
  }
  if (refusals > 0 && (answer.status < 400 || answer.status >= 500)) {
    problems.add(`a refusal code answered with status ${answer.status}`);
  }
  if (answer.status >= 400 && answer.status < 500 && errors.length > 0 && refusals === 0) {
    problems.add(`status ${answer.status} with no refusal code`);
  }
  return [...problems].sort();
}

function describeRequest(r: FuzzRequest): string {
  const body =
    r.body === null
      ? ''
      : typeof r.body === 'string'
        ? r.body
        : `bytes ${Buffer.from(r.body).toString('hex')}`;
  const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);
  return `${r.method} ${cut(r.url, 600)}\n  headers ${JSON.stringify(r.headers)}\n  body ${cut(body, 700)}`;
}

describe('fuzz: whatever a client sends, the answer keeps the README contract', () => {
  // The buffer pool a deployment runs with (256 MB): path search needs more than the tests' 128.
  const api = servedGraph('kuzu', { seeds: 'real', config: { HLP_KUZU_BUFFER_POOL_MB: '256' } });
  let pools: Pools;
  const codes = documentedCodes();

  beforeAll(async () => {
    pools = await harvest(api);
  });

  it('reads the documented codes and real ids and cursors to fuzz with', () => {
    expect([...codes.keys()]).toEqual(
      expect.arrayContaining(['GRAPHQL_PARSE_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'NOT_FOUND']),
    );
    expect(codes.has('INTERNAL_SERVER_ERROR')).toBe(false);
    expect(pools.ids.length).toBeGreaterThan(50);
    expect(pools.cursors.get('Query.organisations')?.length).toBeGreaterThan(3);
    expect(pools.cursors.get('relationships')?.length).toBeGreaterThan(0);
    expect(pools.scopes.length).toBeGreaterThan(10);
    expect(pools.paged.filter((p) => p.parent !== null && p.order !== '').length).toBeGreaterThan(10);
  });

  it(`${RUNS} seeded requests (seed ${SEED}): no 5xx, no masked or undocumented error, no leak`, async () => {
    const { operationArb } = buildArbitraries(pools);
    const valid = operationArb('valid').map(printOperation);
    const wild = operationArb('wild').map(printOperation);
    const requestArb: fc.Arbitrary<FuzzRequest> = fc.oneof(
      { weight: 40, arbitrary: postArb('POST operation (valid values)', valid) },
      { weight: 30, arbitrary: postArb('POST operation (wild values)', wild) },
      { weight: 8, arbitrary: getArb(fc.oneof(valid, wild)) },
      { weight: 10, arbitrary: postArb('POST malformed document', malformedDocArb(valid)) },
      { weight: 12, arbitrary: malformedHttpArb },
      { weight: 6, arbitrary: postArb('POST forged cursor', forgedCursorArb(pools)) },
    );
    const requests = fc.sample(requestArb, { seed: SEED, numRuns: RUNS });

    /** Failing requests grouped by what is wrong and what was sent; the two smallest of each kept. */
    const failures = new Map<string, { count: number; examples: { size: number; text: string }[] }>();
    const tally = new Map<string, number>();
    let sent = 0;
    let answered = 0;
    let failing = 0;
    for (const [index, request] of requests.entries()) {
      const response = await api.app.fetch(request.url, {
        method: request.method,
        headers: { ...request.headers },
        ...(request.body !== null ? { body: request.body } : {}),
      });
      sent++;
      const answer: Answer = { status: response.status, text: await response.text() };
      let outcome = `${answer.status}`;
      try {
        const body = JSON.parse(answer.text) as { data?: unknown; errors?: WireError[] };
        const code = body.errors?.[0]?.extensions?.code;
        outcome += typeof code === 'string' ? ` ${code}` : body.errors ? ' (no code)' : ' data';
        if (!body.errors && body.data) answered++;
      } catch {
        outcome += ' (not JSON)';
      }
      tally.set(outcome, (tally.get(outcome) ?? 0) + 1);
      const problems = problemsOf(answer, codes);
      if (problems.length === 0) continue;
      failing++;
      const key = `${problems.join('; ')}, from ${request.label}`;
      const group = failures.get(key) ?? { count: 0, examples: [] };
      group.count++;
      group.examples.push({
        size: (request.body?.length ?? 0) + request.url.length,
        text: `#${index} [${request.label}]\n  ${describeRequest(request)}\n  answer ${answer.status} ${answer.text.slice(0, 600)}`,
      });
      group.examples.sort((a, b) => a.size - b.size).splice(2);
      failures.set(key, group);
    }
    const summary = [...tally].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}: ${n}`);
    console.info(`fuzz seed ${SEED}: ${sent} requests, ${failing} failing\n  ${summary.join('\n  ')}`);

    expect(sent).toBeGreaterThanOrEqual(2_000);
    // The fuzz reaches the resolvers, not only the refusals: a fair share of requests are answered.
    expect(answered).toBeGreaterThan(sent / 5);
    const report = [...failures]
      .sort((a, b) => b[1].count - a[1].count)
      .map(([what, g]) => `${g.count} × ${what}; the smallest:\n${g.examples.map((e) => e.text).join('\n')}`);
    expect(
      failing,
      `seed ${SEED}: ${failing} of ${sent} requests broke the contract (#i is element i of fc.sample(requestArb, { seed: ${SEED}, numRuns: ${RUNS} })):\n\n${report.join('\n\n')}`,
    ).toBe(0);
  }, 240_000);

  it('still answers { __typename } after the run', async () => {
    const response = await api.postBody({ query: '{ __typename }' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { __typename: 'Query' } });
  });
});
