/**
 * Statements that compute stored aggregates from the freshly written graph (sort keys that depend
 * on relationships, funding totals, degrees): run by the store after every node and relationship
 * of a load is written and before the load is committed, in this order, with no parameters. Each
 * name is a query in cypher/derive/.
 */
export const DERIVE_QUERIES: readonly string[] = [];
