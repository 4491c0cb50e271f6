/** The two engines a graph store runs on: embedded Kuzu, or a Neo4j server. */
export const ENGINE_NAMES = ['kuzu', 'neo4j'] as const;
export type Engine = (typeof ENGINE_NAMES)[number];
