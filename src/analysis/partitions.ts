import louvainModule from 'graphology-communities-louvain';
import { connectedComponents } from 'graphology-components';
import seedrandom from 'seedrandom';
import { interop } from './graphology-interop.js';
import type { NetworkGraph } from './projection.js';

const louvain = interop(louvainModule);

export const LOUVAIN_RESOLUTION = 1;

/** Each node's group, numbered from 1 by size (largest first). */
export type GroupNumbers = ReadonlyMap<string, number>;

/** Renumbers groups 1..k by size (largest first), ties by their smallest member id: stable across runs. */
function numberGroups(groups: readonly (readonly string[])[]): Map<string, number> {
  const sorted = groups
    .map((g) => [...g].sort())
    .sort((a, b) => b.length - a.length || ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1));
  const ids = new Map<string, number>();
  sorted.forEach((group, i) => {
    for (const member of group) ids.set(member, i + 1);
  });
  return ids;
}

/**
 * Weighted Louvain communities, seeded: the same graph and seed give the same partition on every
 * run. A graph with no edges has one community a node and modularity 0.
 */
export function louvainCommunities(
  graph: NetworkGraph,
  seed: number,
): { communityOf: GroupNumbers; modularity: number } {
  const partition =
    graph.size > 0
      ? louvain.detailed(graph, {
          getEdgeWeight: 'weight',
          resolution: LOUVAIN_RESOLUTION,
          rng: seedrandom(String(seed)),
        })
      : { communities: Object.fromEntries(graph.nodes().map((n, i) => [n, i])), modularity: 0 };
  const groups = new Map<number, string[]>();
  for (const [node, community] of Object.entries(partition.communities)) {
    const members = groups.get(community);
    if (members) members.push(node);
    else groups.set(community, [node]);
  }
  return { communityOf: numberGroups([...groups.values()]), modularity: partition.modularity };
}

/** The connected components (in graphology's order) and each node's component number. */
export function componentsOf(graph: NetworkGraph): {
  components: readonly (readonly string[])[];
  componentOf: GroupNumbers;
} {
  const components = connectedComponents(graph);
  return { components, componentOf: numberGroups(components) };
}
