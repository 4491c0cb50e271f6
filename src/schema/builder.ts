import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import type { Context } from '../context.js';
import { badUserInput } from '../request/errors.js';
import { startEarlyReads } from './early-reads.js';
import { decodeId } from './ids.js';

/**
 * The one Pothos builder. Relay gives global ids, node/nodes and connections; the DataLoader plugin
 * batches node loads. Connections carry a lazily computed totalCount, so a page that does not ask
 * for it costs no count query.
 */
export const builder = new SchemaBuilder<{
  Context: Context;
  Connection: { totalCount: () => Promise<number> };
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  DefaultFieldNullability: false;
}>({
  // Fields are non-null unless they say otherwise: a front end can rely on what the schema promises.
  defaultFieldNullability: false,
  plugins: [RelayPlugin, DataloaderPlugin],
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Loaded nodes are not branded with the type their global id names: a former id of a project
    // may find the programme it was merged into, whose type is its own (isTypeOf, by kind).
    brandLoadedObjects: false,
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    nodeQueryOptions: {
      // The id names the node's type: the fields it selects that read from an id alone start now,
      // beside the node's own lookup (see early-reads.ts).
      resolve: (_root, { id }, ctx, info, resolveNode) => {
        startEarlyReads(ctx, info, id.typename, id.id);
        return resolveNode(id);
      },
    },
    nodesQueryOptions: {
      description:
        'Nodes by global id, in the order asked, null for an id that names nothing (at most the maximum page size).',
      resolve: (_root, { ids }, ctx, _info, resolveNodes) => {
        const max = ctx.config.paging.maxSize;
        if (ids.length > max) throw badUserInput(`ids must hold at most ${max} ids, got ${ids.length}`);
        return resolveNodes(ids);
      },
    },
    decodeGlobalID: (globalID) => {
      try {
        return decodeId(globalID);
      } catch {
        throw badUserInput(`"${globalID}" is not an HLP Graph id (ids come from the id field of a node)`);
      }
    },
  },
});

builder.queryType({ description: 'The Healthy London Partnership knowledge graph.' });

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'How many items the whole connection holds, across all pages.',
    resolve: (parent) => parent.totalCount(),
  }),
);
