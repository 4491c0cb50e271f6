import type { NodeKind } from '../model/graph-model.js';
import type { EdgeRecord, GraphData, NodeRecord } from '../model/records.js';

/**
 * A whole graph to load, streamed: its nodes, then its relationships, in batches, so a graph of
 * any size reaches the store without being held in memory at once. Each of nodes() and edges()
 * starts again from the first record every time it is called.
 */
export interface GraphSource {
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** The kind of the node with this id, or undefined when the graph has none (a relationship's end). */
  kindOf(id: string): NodeKind | undefined;
  nodes(): AsyncIterable<readonly NodeRecord[]>;
  edges(): AsyncIterable<readonly EdgeRecord[]>;
}

/** How many records a source built from memory hands out at a time. */
const BATCH = 5000;

async function* inBatches<T>(items: readonly T[]): AsyncGenerator<readonly T[]> {
  for (let i = 0; i < items.length; i += BATCH) yield items.slice(i, i + BATCH);
}

/** A graph held in memory as a source. */
export function graphDataSource(graph: GraphData): GraphSource {
  let kinds: Map<string, NodeKind> | undefined;
  return {
    nodeCount: graph.nodes.length,
    edgeCount: graph.edges.length,
    kindOf(id) {
      kinds ??= new Map(graph.nodes.map((n) => [n.id, n.kind]));
      return kinds.get(id);
    },
    nodes: () => inBatches(graph.nodes),
    edges: () => inBatches(graph.edges),
  };
}
