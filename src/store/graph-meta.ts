/** The keys of the graph metadata a store keeps next to the graph (not part of the graph model). */
export const GRAPH_META_KEYS = {
  seedHash: 'seedHash',
  loadedAt: 'loadedAt',
  modelHash: 'modelHash',
} as const;
