import DataLoader from 'dataloader';
import type { EdgeKind, NodeKind } from '../model/graph-model.js';
import type { EdgeRecord, NodeRecord } from '../model/records.js';
import type {
  CoFunderRow,
  CoFundingRow,
  FundingTotalRow,
  FundingTotalsArgs,
  GraphStore,
} from '../store/port.js';

/**
 * A loader for a question with a single answer per request (all co-funding rows, say): every
 * resolver that asks in one request shares one store call.
 */
function once<T>(load: () => Promise<T>): DataLoader<'all', T> {
  return new DataLoader<'all', T>(async (keys) => {
    const value = await load();
    return keys.map(() => value);
  });
}

/**
 * The request's DataLoaders, one per batched port method. They are created per request, so a
 * cached answer never outlives the request that asked for it (a reload may change the graph), and
 * every lookup of the same kind made while resolving one level of a query becomes one store call.
 */
export function createLoaders(store: GraphStore) {
  return {
    /** Nodes of any kind by id. */
    nodeById: new DataLoader<string, NodeRecord | null>((ids) => store.nodesByIds(ids)),
    /** Every node of a kind, name order: root lists, search and lookups by property. */
    nodesByKind: new DataLoader<NodeKind, NodeRecord[]>((kinds) => store.nodesByKinds(kinds)),
    /** Node counts by kind. */
    countByKind: new DataLoader<NodeKind, number>((kinds) => store.countsByKinds(kinds)),
    /** Relationship counts by kind. */
    edgeCountByKind: new DataLoader<EdgeKind, number>((kinds) => store.edgeCountsByKinds(kinds)),
    /** Every relationship touching a node, both directions: all relationship fields read from this. */
    edgesOfNode: new DataLoader<string, EdgeRecord[]>((ids) => store.edgesOfNodes(ids)),
    /** Relationships by id (path hops, node(id) for a relationship). */
    edgeById: new DataLoader<string, EdgeRecord | null>((ids) => store.edgesByIds(ids)),
    /** The funding an organisation shares with other funders. */
    coFundersOf: new DataLoader<string, CoFunderRow[]>((ids) => store.coFunderRows(ids)),
    /** Funding totals, keyed by their arguments. */
    fundingTotals: new DataLoader<FundingTotalsArgs, FundingTotalRow[], string>(
      (keys) => Promise.all(keys.map((args) => store.fundingTotals(args))),
      { cacheKeyFn: (args) => JSON.stringify([args.groupBy, args.period ?? null, args.fundingKind ?? null]) },
    ),
    /** Every funding line that reaches an outcome. */
    coFundingRows: once<CoFundingRow[]>(() => store.coFundingRows()),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
