import type { NodeKind } from '../model/graph-model.js';
import type { NodeRecord } from '../model/records.js';
import { builder } from './builder.js';
import { EvidenceRef } from './evidence.js';

function isNodeOf(kind: NodeKind) {
  return (value: unknown): boolean =>
    typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === kind;
}

/**
 * Declares the GraphQL node type of one kind of the model: a Relay node loaded through the request's
 * shared node loader (so node lookups of every kind batch into one store call), with the fields
 * every node has: name, aliases and evidence. A kind's own fields are added in its own file.
 */
export function nodeKindRef(kind: NodeKind, description: string) {
  const ref = builder.loadableNodeRef(kind, {
    id: { resolve: (node: NodeRecord) => node.id },
    load: async (ids: string[], ctx) => {
      const found = await ctx.loaders.nodeById.loadMany(ids);
      // A global id of this type whose record is of another kind names nothing of this type.
      return found.map((n) =>
        n instanceof Error || n === null || n.kind === kind ? n : null,
      ) as NodeRecord[];
    },
  });
  builder.objectType(ref, {
    description,
    isTypeOf: isNodeOf(kind),
    fields: (t) => ({
      name: t.exposeString('name', { description: 'Name as the reports give it.' }),
      aliases: t.exposeStringList('aliases', {
        description: 'Every other name the reports use for it (abbreviations, variants).',
      }),
      evidence: t.field({
        type: [EvidenceRef],
        description: 'Where the reports state it.',
        resolve: (node) => [...node.evidence],
      }),
    }),
  });
  return ref;
}

/** Reads a property of a record as a string or null. */
export function stringProp(node: NodeRecord, key: string): string | null {
  const value = node.properties[key];
  return typeof value === 'string' ? value : null;
}
