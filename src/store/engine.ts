/** The two engines a graph store runs on: embedded Kuzu, or a Neo4j server. */
export type Engine = 'kuzu' | 'neo4j';

export const ENGINES: readonly Engine[] = ['kuzu', 'neo4j'];
