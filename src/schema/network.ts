import {
  DEFAULT_SEED,
  type NetworkEdge as NetworkEdgeShape,
  type NetworkResult,
  type NodeMeasures,
} from '../analysis/analyse.js';
import type { SimilarityPair } from '../analysis/similarity.js';
import type { Context } from '../context.js';
import { type NetworkRequest, NetworkRequestError, networkRequest } from '../network/network-options.js';
import { badUserInput } from '../request/errors.js';
import { type CursorValues, compareKeys, pageOfSorted } from '../request/paging.js';
import { builder } from './builder.js';
import { EntityRef } from './refs.js';
import { nodeOf, nodesOf } from './related.js';
import { RelationshipKind } from './relationship-kind.js';
import { SortDirection } from './sort-direction.js';

interface NetworkShape {
  readonly result: NetworkResult;
  readonly graphVersion: string;
}

const node = (id: string, ctx: Context) => nodeOf(ctx, id);

const NetworkProjection = builder.enumType('NetworkProjection', {
  values: {
    TWO_MODE: {
      value: 'two-mode',
      description: 'Organisations and the programmes and projects they are tied to.',
    },
    ORGANISATIONS: {
      value: 'organisations',
      description:
        'Organisation to organisation: two are joined when they are tied to the same programme or project.',
    },
  } as const,
});

const NetworkWeight = builder.enumType('NetworkWeight', {
  values: {
    FUNDING: {
      value: 'funding',
      description:
        'Money: the funding between the two (two-mode) or both put into what they share (organisations).',
    },
    COUNT: {
      value: 'count',
      description: 'Ties: relationships (two-mode) or shared programmes and projects (organisations).',
    },
  } as const,
});

const NetworkMeasure = builder.enumType('NetworkMeasure', {
  values: {
    PAGERANK: { value: 'pagerank' },
    BETWEENNESS: { value: 'betweenness' },
    CLOSENESS: { value: 'closeness' },
    EIGENVECTOR: { value: 'eigenvector' },
    DEGREE: { value: 'degree' },
    WEIGHTED_DEGREE: { value: 'weightedDegree' },
  } as const,
});

const ParameterRef = builder
  .objectRef<[string, string | number | boolean | null]>('AlgorithmParameter')
  .implement({
    fields: (t) => ({
      name: t.string({ resolve: ([name]) => name }),
      value: t.string({ nullable: true, resolve: ([, value]) => (value === null ? null : String(value)) }),
    }),
  });

const AlgorithmRef = builder.objectRef<NetworkResult['inputs']['algorithms'][number]>('Algorithm').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    parameters: t.field({ type: [ParameterRef], resolve: (a) => Object.entries(a.parameters) }),
  }),
});

const NetworkInputsRef = builder.objectRef<NetworkShape>('NetworkInputs').implement({
  description:
    'Everything that produced the numbers: asking again with these inputs on this graph version gives the same ones.',
  fields: (t) => ({
    projection: t.field({ type: NetworkProjection, resolve: (n) => n.result.inputs.projection }),
    weight: t.field({ type: NetworkWeight, resolve: (n) => n.result.inputs.weighting }),
    period: t.string({ nullable: true, resolve: (n) => n.result.inputs.period }),
    kinds: t.field({ type: [RelationshipKind], resolve: (n) => [...n.result.inputs.kinds] }),
    seed: t.int({ resolve: (n) => n.result.inputs.seed }),
    graphVersion: t.string({
      description: 'Seed hash of the graph analysed.',
      resolve: (n) => n.graphVersion,
    }),
    algorithms: t.field({ type: [AlgorithmRef], resolve: (n) => [...n.result.inputs.algorithms] }),
  }),
});

const NetworkSummaryRef = builder.objectRef<NetworkResult['summary']>('NetworkSummary').implement({
  fields: (t) => ({
    nodes: t.exposeInt('nodes'),
    edges: t.exposeInt('edges'),
    density: t.exposeFloat('density'),
    components: t.exposeInt('components'),
    largestComponent: t.exposeInt('largestComponent'),
    diameter: t.exposeInt('diameter', {
      description: 'Longest shortest path, in hops, between connected nodes.',
    }),
    averagePathLength: t.exposeFloat('averagePathLength', {
      description: 'Mean shortest path, in hops, over connected pairs.',
    }),
    communities: t.exposeInt('communities'),
    modularity: t.exposeFloat('modularity', { description: 'Modularity of the Louvain partition.' }),
  }),
});

const NetworkNodeRef = builder.objectRef<NodeMeasures>('NetworkNode').implement({
  description: 'A node of the network with its measures and community.',
  fields: (t) => ({
    node: t.field({ type: EntityRef, resolve: (n, _a, ctx) => node(n.id, ctx) }),
    degree: t.exposeInt('degree'),
    weightedDegree: t.exposeFloat('weightedDegree'),
    betweenness: t.exposeFloat('betweenness', { description: 'Normalised, unweighted.' }),
    closeness: t.exposeFloat('closeness', { description: 'Wasserman-Faust, unweighted.' }),
    eigenvector: t.float({
      nullable: true,
      description: 'Null when it did not converge.',
      resolve: (n) => n.eigenvector,
    }),
    pagerank: t.exposeFloat('pagerank', { description: 'Weighted.' }),
    community: t.exposeInt('community'),
    component: t.exposeInt('component'),
    articulationPoint: t.exposeBoolean('articulationPoint', {
      description: 'Removing it splits its component.',
    }),
  }),
});

const NetworkEdgeRef = builder.objectRef<NetworkEdgeShape>('NetworkEdge').implement({
  fields: (t) => ({
    source: t.field({ type: EntityRef, resolve: (e, _a, ctx) => node(e.source, ctx) }),
    target: t.field({ type: EntityRef, resolve: (e, _a, ctx) => node(e.target, ctx) }),
    weight: t.exposeFloat('weight'),
    ties: t.exposeInt('ties'),
    bridge: t.exposeBoolean('bridge', { description: 'Removing it splits its component.' }),
  }),
});

const CommunityRef = builder.objectRef<NetworkResult['communities'][number]>('NetworkCommunity').implement({
  fields: (t) => ({
    id: t.exposeInt('id', { description: 'Numbered from 1, largest first.' }),
    size: t.int({ resolve: (c) => c.members.length }),
    members: t.field({
      type: [EntityRef],
      description: 'Highest PageRank first.',
      resolve: (c, _a, ctx) => nodesOf(ctx, c.members),
    }),
  }),
});

const SimilarityRef = builder.objectRef<SimilarityPair>('SimilarityPair').implement({
  description:
    'Two organisations and the Jaccard similarity of the programmes and projects they are tied to.',
  fields: (t) => ({
    a: t.field({ type: EntityRef, resolve: (p, _a, ctx) => node(p.a, ctx) }),
    b: t.field({ type: EntityRef, resolve: (p, _a, ctx) => node(p.b, ctx) }),
    jaccard: t.exposeFloat('jaccard'),
    shared: t.exposeInt('shared'),
  }),
});

const NetworkRef = builder.objectRef<NetworkShape>('Network');

NetworkRef.implement({
  description: 'A projection of the partnership network with its measures, communities and structure.',
  fields: (t) => ({
    inputs: t.field({ type: NetworkInputsRef, resolve: (n) => n }),
    summary: t.field({ type: NetworkSummaryRef, resolve: (n) => n.result.summary }),
    nodes: t.connection({
      type: NetworkNodeRef,
      description: 'Nodes ranked by a measure (PageRank, highest first, by default).',
      args: {
        orderBy: t.arg({ type: NetworkMeasure, defaultValue: 'pagerank' }),
        direction: t.arg({ type: SortDirection, defaultValue: 'desc' }),
        community: t.arg.int({ description: 'Only this community.' }),
      },
      resolve: (n, args, ctx) => {
        const measure = args.orderBy ?? 'pagerank';
        const nodes = n.result.nodes.filter((m) => args.community == null || m.community === args.community);
        const keyOf = (m: NodeMeasures): CursorValues => [m[measure], m.id];
        const compare = compareKeys(args.direction !== 'asc');
        const sorted = [...nodes].sort((a, b) => compare(keyOf(a), keyOf(b)));
        const scope = `Network.nodes:${measure}:${args.direction ?? 'desc'}`;
        const toEdge = (m: NodeMeasures, cursor: () => string) => ({
          get cursor() {
            return cursor();
          },
          node: m,
        });
        return pageOfSorted(sorted, args, ctx.config.paging, scope, keyOf, compare, toEdge, 2);
      },
    }),
    communities: t.field({ type: [CommunityRef], resolve: (n) => [...n.result.communities] }),
    edges: t.field({
      type: [NetworkEdgeRef],
      description: 'Every edge with its weight, heaviest first.',
      resolve: (n) => [...n.result.edges].sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1)),
    }),
    bridges: t.field({ type: [NetworkEdgeRef], resolve: (n) => [...n.result.bridges] }),
    articulationPoints: t.field({
      type: [EntityRef],
      resolve: (n, _a, ctx) => nodesOf(ctx, n.result.articulationPoints),
    }),
    similarity: t.field({
      type: [SimilarityRef],
      description: 'The most similar pairs of organisations.',
      args: { first: t.arg.int({ required: true, defaultValue: 20 }) },
      resolve: (n, args, ctx) => {
        if (args.first < 1 || args.first > ctx.config.paging.maxSize) {
          throw badUserInput(`first must be between 1 and ${ctx.config.paging.maxSize}, got ${args.first}`);
        }
        return n.result.similarity.slice(0, args.first);
      },
    }),
  }),
});

builder.queryField('network', (t) =>
  t.field({
    type: NetworkRef,
    description:
      'The partnership network: measures (degree, betweenness, closeness, eigenvector, PageRank), Louvain communities with a fixed seed, components, bridges, articulation points and similarity. Computed once per graph version and cached.',
    args: {
      projection: t.arg({ type: NetworkProjection, required: true, defaultValue: 'organisations' }),
      weight: t.arg({ type: NetworkWeight, required: true, defaultValue: 'funding' }),
      period: t.arg.string({ description: 'Only relationships of this period (2019/20, ...).' }),
      kinds: t.arg({
        type: [RelationshipKind],
        description: 'Ties to count: FUNDS, LEADS, DELIVERS (default), PARTNERS_WITH.',
      }),
      seed: t.arg.int({
        required: true,
        defaultValue: DEFAULT_SEED,
        description: 'Seed of the Louvain community search.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      let request: NetworkRequest;
      try {
        request = networkRequest({
          projection: args.projection,
          weighting: args.weight,
          period: args.period,
          kinds: args.kinds,
          seed: args.seed,
        });
      } catch (error) {
        if (error instanceof NetworkRequestError) throw badUserInput(error.message);
        throw error;
      }
      return ctx.network.get(request);
    },
  }),
);
