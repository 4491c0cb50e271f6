/**
 * Statements that compute, from the freshly written graph, what reads sort and filter by: name and
 * period ranks, funding totals and counts. The store runs them after every node and relationship of
 * a load is written and before the load is committed, in this order, with no parameters. Each name
 * is a query in cypher/derive/; the properties they set are the model's `derived: 'load'` ones.
 */
export const DERIVE_QUERIES: readonly string[] = [
  'deriveNameRanks',
  'derivePeriodRanks',
  'deriveOrganisationFunding',
  'deriveWorkFunding',
  'deriveOutcomeFunders',
  // Reads the outcome counts the statement before it sets.
  'deriveCoFundedOutcomes',
];
