import type { NodeKind } from '../model/graph-model.js';
import type { NodeView } from '../model/records.js';
import { builder } from './builder.js';
import { EntityRef } from './entity.js';

/**
 * Declares the GraphQL node type of one kind of the model: a Relay node loaded through the request's
 * shared node loader (so node lookups of every kind batch into one store call), implementing Entity.
 * The kind's own fields and relationship fields are added in its own file.
 */
export function nodeKindRef(kind: NodeKind, description: string) {
  const ref = builder.loadableNodeRef(kind, {
    id: { resolve: (node: NodeView) => node.id },
    load: async (ids: string[], ctx) => {
      const found = await ctx.loaders.nodeById.loadMany(ids);
      // A global id of this type whose record is of another kind names nothing of this type; but a
      // former id (a record merged into another) gives its successor, whatever its kind.
      return found.map((n, i) =>
        n instanceof Error || n === null || n.kind === kind || n.id !== ids[i] ? n : null,
      );
    },
  });
  builder.objectType(ref, {
    description,
    interfaces: [EntityRef],
    isTypeOf: (value) =>
      typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === kind,
    fields: () => ({}),
  });
  return ref;
}
