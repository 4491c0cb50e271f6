import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { graphToJson } from '../../src/export/graph-json.js';
import { NODE_KINDS } from '../../src/model/graph-model.js';
import { EMAIL_PATTERN, PHONE_PATTERN } from '../../src/model/personal-data.js';
import { ENGINES_UNDER_TEST, REAL_SEEDS } from '../support/env.js';
import { servedGraph } from '../support/harness.js';

const EMAIL_ANYWHERE = new RegExp(EMAIL_PATTERN.source, 'g');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((e) =>
    statSync(join(dir, e)).isDirectory() ? files(join(dir, e)) : [join(dir, e)],
  );
}

/** Every string inside a value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

interface IntrospectedType {
  name: string;
  fields:
    | {
        name: string;
        args: { type: { kind: string } }[];
        type: { kind: string; name: string | null; ofType: unknown };
      }[]
    | null;
}

/** The named type at the bottom of a wrapped type reference. */
function named(type: unknown): { kind: string; name: string | null } {
  let t = type as { kind: string; name: string | null; ofType?: unknown };
  while (t.ofType) t = t.ofType as typeof t;
  return t;
}

describe('no email address or phone number', () => {
  it('is in seeds/', () => {
    for (const file of files(REAL_SEEDS)) {
      const text = readFileSync(file, 'utf8');
      expect(text.match(EMAIL_ANYWHERE), file).toBeNull();
    }
  });
});

describe.each(ENGINES_UNDER_TEST)('no email address or phone number is stored or served on %s', (engine) => {
  const api = servedGraph(engine, { seeds: 'real' });
  const { store } = api;

  it('is in the store or the export', async () => {
    const exported = graphToJson(await store.readGraph());
    expect(exported.match(EMAIL_ANYWHERE)).toBeNull();
    for (const s of strings(JSON.parse(exported))) expect(PHONE_PATTERN.test(s), s).toBe(false);
  });

  it('is in any string field of any node or relationship, found by introspecting the schema', async () => {
    const { __schema } = await api.gqlData<{ __schema: { types: IntrospectedType[] } }>(
      `{ __schema { types { name fields { name args { type { kind } } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`,
    );
    const types = new Map(__schema.types.map((t) => [t.name, t]));
    // Every field of a type that needs no required argument and ends in a scalar or enum, plus the
    // evidence objects' strings: everything a node or relationship serves about itself.
    const selection = (typeName: string): string =>
      (types.get(typeName)?.fields ?? [])
        .filter((f) => f.args.every((a) => a.type.kind !== 'NON_NULL'))
        .map((f) => {
          const leaf = named(f.type);
          // Aliased by type: fields of one name may have different types on different types.
          const alias = `${typeName}_${f.name}: ${f.name}`;
          if (leaf.kind === 'SCALAR' || leaf.kind === 'ENUM') return alias;
          if (leaf.name === 'Evidence') return `${alias} { source section }`;
          if (leaf.name === 'Money') return `${alias} { value currency }`;
          return '';
        })
        .filter(Boolean)
        .join(' ');
    // Every node kind of the model, and relationships.
    const crawled: readonly string[] = [...NODE_KINDS, 'Relationship'];
    const implementers = __schema.types.filter((t) => crawled.includes(t.name));
    expect(implementers).toHaveLength(NODE_KINDS.length + 1);
    const graph = await store.readGraph();
    const encode = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
    const idsOf = (type: string) =>
      type === 'Relationship'
        ? graph.edges.map((e) => encode('Relationship', e.id))
        : graph.nodes.filter((n) => n.kind === type).map((n) => encode(n.kind, n.id));
    const ids = implementers.flatMap((t) => idsOf(t.name));
    let served = 0;
    // One type at a time: every field of every type in one query is over the alias limit.
    for (const type of implementers) {
      const typeIds = idsOf(type.name);
      for (let i = 0; i < typeIds.length; i += 100) {
        const data = await api.gqlData<{ nodes: unknown[] }>(
          `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on ${type.name} { ${selection(type.name)} } } }`,
          { ids: typeIds.slice(i, i + 100) },
        );
        for (const s of strings(data.nodes)) {
          served++;
          expect(EMAIL_PATTERN.test(s), s).toBe(false);
          expect(PHONE_PATTERN.test(s), s).toBe(false);
        }
      }
    }
    // Every node and relationship was served, each with several strings.
    expect(served).toBeGreaterThan(ids.length * 3);
  });
});
