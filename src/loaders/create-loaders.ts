import DataLoader from 'dataloader';
import type { NodeKind } from '../model/graph-model.js';
import type { NodeRecord } from '../model/records.js';
import type { GraphStore } from '../store/port.js';

/**
 * The request's DataLoaders, one per batched port method. They are created per request so that a
 * cached answer never outlives the request that asked for it (a reload may change the graph).
 */
export function createLoaders(store: GraphStore) {
  return {
    /** Nodes of any kind by id: every node lookup in one request shares one query per tick. */
    nodeById: new DataLoader<string, NodeRecord | null>((ids) => store.nodesByIds(ids)),
    /** Node counts by kind, for totalCount fields and stats. */
    countByKind: new DataLoader<NodeKind, number>((kinds) => store.countsByKinds(kinds)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
