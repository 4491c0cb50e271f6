import type { AbstractGraph } from 'graphology-types';

type Graph = AbstractGraph;

export interface CutStructure {
  /** Edges whose removal splits their component, as [key, source, target], in key order. */
  readonly bridges: readonly (readonly [string, string, string])[];
  /** Nodes whose removal splits their component, in id order. */
  readonly articulationPoints: readonly string[];
}

/**
 * Bridges and articulation points of an undirected graph (Tarjan's low-link method, iterative so a
 * long chain cannot overflow the stack). graphology's standard library has no such function.
 */
export function cutStructure(graph: Graph): CutStructure {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const bridges: [string, string, string][] = [];
  const points = new Set<string>();
  let counter = 0;
  for (const root of [...graph.nodes()].sort()) {
    if (order.has(root)) continue;
    order.set(root, counter);
    low.set(root, counter);
    counter++;
    let rootChildren = 0;
    // Each frame: the node, the edge it was reached by, and its remaining (neighbour, edge) pairs.
    const stack: { node: string; via: string | null; rest: [string, string][] }[] = [
      { node: root, via: null, rest: neighbours(graph, root) },
    ];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as (typeof stack)[number];
      const next = frame.rest.pop();
      if (next) {
        const [other, edge] = next;
        if (edge === frame.via) continue;
        if (order.has(other)) {
          low.set(frame.node, Math.min(low.get(frame.node) as number, order.get(other) as number));
          continue;
        }
        order.set(other, counter);
        low.set(other, counter);
        counter++;
        if (frame.node === root) rootChildren++;
        stack.push({ node: other, via: edge, rest: neighbours(graph, other) });
        continue;
      }
      stack.pop();
      const parent = stack[stack.length - 1];
      if (!parent || frame.via === null) continue;
      const childLow = low.get(frame.node) as number;
      low.set(parent.node, Math.min(low.get(parent.node) as number, childLow));
      if (childLow > (order.get(parent.node) as number)) {
        const [a, b] = [parent.node, frame.node].sort() as [string, string];
        bridges.push([frame.via, a, b]);
      }
      if (parent.node !== root && childLow >= (order.get(parent.node) as number)) points.add(parent.node);
    }
    if (rootChildren > 1) points.add(root);
  }
  return { bridges: bridges.sort((x, y) => (x[0] < y[0] ? -1 : 1)), articulationPoints: [...points].sort() };
}

function neighbours(graph: Graph, node: string): [string, string][] {
  // Reversed so that popping visits neighbours in id order.
  return graph
    .edges(node)
    .map((edge) => [graph.opposite(node, edge), edge] as [string, string])
    .sort((a, b) => (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : a[1] < b[1] ? 1 : -1));
}
