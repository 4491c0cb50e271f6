import DataLoader from 'dataloader';
import type { EdgeKind, NodeKind } from '../model/graph-model.js';
import type { EdgeView, NodeView, Projection } from '../model/records.js';
import type {
  CoFunderRow,
  CoFunderSum,
  CoFundingLine,
  FundingTotalRow,
  FundingTotalsArgs,
  GraphReader,
  GraphVersion,
  RelatedPage,
  RelatedQuery,
} from '../store/port.js';

/**
 * A family of loaders, one per distinct question (a relationship field's arguments, a period):
 * keys asked with the same question while resolving one level of a query become one store call.
 * Questions are told apart by their JSON, so equal arguments share a loader.
 */
function family<Q, K, V>(batch: (question: Q, keys: readonly K[]) => Promise<V[]>) {
  const loaders = new Map<string, DataLoader<K, V>>();
  return (question: Q): DataLoader<K, V> => {
    const id = JSON.stringify(question);
    let loader = loaders.get(id);
    if (!loader) {
      loader = new DataLoader<K, V>((keys) => batch(question, keys));
      loaders.set(id, loader);
    }
    return loader;
  };
}

/**
 * The request's DataLoaders, one per batched reader method. They are created per request, so a
 * cached answer never outlives the request that asked for it (a reload may change the graph), and
 * every lookup of the same kind made while resolving one level of a query becomes one store call:
 * the statements a request runs depend on the shape of the query, not on page sizes or the graph.
 */
export function createLoaders(reader: GraphReader) {
  return {
    /** Nodes of any kind by id, without evidence. */
    nodeById: new DataLoader<string, NodeView | null>((ids) => reader.nodesByIds(ids, false)),
    /** Nodes with their evidence, for an evidence field on a node read without it. */
    nodeWithEvidence: new DataLoader<string, NodeView | null>((ids) => reader.nodesByIds(ids, true)),
    /** Relationships by id (path hops, node(id) for a relationship, breakdowns), with evidence. */
    edgeById: new DataLoader<string, EdgeView | null>((ids) => reader.edgesByIds(ids)),
    /** One page of a relationship field, per parent. */
    related: family<RelatedQuery, string, RelatedPage>((query, parents) =>
      reader.relatedPages(query, parents),
    ),
    /** How many relationships a relationship field holds, per parent. */
    relatedCount: family<RelatedQuery, string, number>((query, parents) =>
      reader.relatedCounts(query, parents),
    ),
    /** Funding given (funder) or received (target) in one period, per node. */
    fundingOf: family<{ side: 'funder' | 'target'; period: string }, string, FundingTotalRow | null>(
      (q, ids) => reader.fundingOf(q.side, ids, q.period),
    ),
    /** The funding an organisation shares with other funders. */
    coFundersOf: family<{ period: string | null; withEvidence: boolean }, string, CoFunderRow[]>((q, ids) =>
      reader.coFundersOf(ids, q.period, q.withEvidence),
    ),
    /** An organisation's co-funders with the shared funding summed in the store. */
    coFunderSums: family<
      { period: string | null; own: boolean; other: boolean; projection: Projection },
      string,
      CoFunderSum[]
    >((q, ids) => reader.coFunderSums(ids, q.period, q)),
    /** The funding lines that reach an outcome. */
    coFundingOfOutcome: family<{ period: string | null; withEvidence: boolean }, string, CoFundingLine[]>(
      (q, ids) => reader.coFundingLinesOfOutcomes(ids, q.period, q.withEvidence),
    ),
    /** The metrics of a conflict group. */
    metricsInGroup: new DataLoader<string, string[]>((groups) => reader.metricsInGroups(groups)),
    /** The Report node of a report file name. */
    reportBySource: new DataLoader<string, string | null>((sources) => reader.reportsBySources(sources)),
    /** Funding totals, keyed by their arguments. */
    fundingTotals: new DataLoader<FundingTotalsArgs, FundingTotalRow[], string>(
      (keys) => Promise.all(keys.map((args) => reader.fundingTotals(args))),
      { cacheKeyFn: (args) => JSON.stringify([args.groupBy, args.period ?? null, args.fundingKind ?? null]) },
    ),
    /** Node counts by kind. */
    countByKind: new DataLoader<NodeKind, number>((kinds) => reader.countsByKinds(kinds)),
    /** Relationship counts by kind. */
    edgeCountByKind: new DataLoader<EdgeKind, number>((kinds) => reader.edgeCountsByKinds(kinds)),
    /** What the graph was loaded from (one key: the graph). */
    graphVersion: new DataLoader<'graph', GraphVersion | null>(async (keys) => {
      const version = await reader.graphVersion();
      return keys.map(() => version);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
