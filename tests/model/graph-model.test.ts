import { describe, expect, it } from 'vitest';
import {
  EDGE_KINDS,
  EDGE_MODEL,
  edgeProps,
  NODE_KINDS,
  NODE_MODEL,
  nodeProps,
} from '../../src/model/graph-model.js';

describe('graph model', () => {
  it('gives a property name one type across all node kinds and across all edge kinds', () => {
    // Kuzu types a property once across every table a pattern like (n) spans: a name used with two
    // types would silently turn values of one kind into the other's type.
    for (const [what, specs] of [
      ['node', NODE_KINDS.map((k) => nodeProps(k))],
      ['edge', EDGE_KINDS.map((k) => edgeProps(k))],
    ] as const) {
      const types = new Map<string, string>();
      for (const props of specs) {
        for (const [name, spec] of Object.entries(props)) {
          const seen = types.get(name);
          expect(
            seen === undefined || seen === spec.type,
            `${what} property ${name}: ${seen} vs ${spec.type}`,
          ).toBe(true);
          types.set(name, spec.type);
        }
      }
    }
  });

  it('gives every node kind its own id prefix', () => {
    const prefixes = NODE_KINDS.map((k) => NODE_MODEL[k].idPrefix);
    expect(new Set(prefixes).size).toBe(NODE_KINDS.length);
  });

  it('joins only kinds of the model', () => {
    for (const kind of EDGE_KINDS) {
      for (const [from, to] of EDGE_MODEL[kind].pairs) {
        expect(NODE_KINDS).toContain(from);
        expect(NODE_KINDS).toContain(to);
      }
    }
  });
});
