import type { NetworkGraph } from './projection.js';

/**
 * Diameter and mean shortest path over every connected ordered pair: one breadth-first search from
 * each node over an index-numbered adjacency in typed arrays. (graphology's singleSourceLength gives
 * the same lengths as an object keyed by id per source: 94 s against about 1 s on a two-mode
 * projection of 7,247 nodes and 11,212 edges.)
 */
export function pathLengths(graph: NetworkGraph): { diameter: number; average: number } {
  const ids = graph.nodes();
  const index = new Map(ids.map((id, i) => [id, i]));
  const start = new Int32Array(ids.length + 1);
  ids.forEach((id, i) => {
    start[i + 1] = (start[i] as number) + graph.neighbors(id).length;
  });
  const adjacent = new Int32Array(start[ids.length] as number);
  ids.forEach((id, i) => {
    let at = start[i] as number;
    for (const other of graph.neighbors(id)) adjacent[at++] = index.get(other) as number;
  });
  const depth = new Int32Array(ids.length);
  const queue = new Int32Array(ids.length);
  let diameter = 0;
  let total = 0;
  let pairs = 0;
  for (let source = 0; source < ids.length; source++) {
    depth.fill(-1);
    depth[source] = 0;
    queue[0] = source;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const node = queue[head++] as number;
      const next = (depth[node] as number) + 1;
      for (let k = start[node] as number; k < (start[node + 1] as number); k++) {
        const other = adjacent[k] as number;
        if (depth[other] !== -1) continue;
        depth[other] = next;
        queue[tail++] = other;
        total += next;
        pairs++;
        if (next > diameter) diameter = next;
      }
    }
  }
  return { diameter, average: pairs === 0 ? 0 : total / pairs };
}
