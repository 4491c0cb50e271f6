import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.js';
import { readCost } from './read-cost.js';

/**
 * Items a list with no page arguments is assumed to hold: such lists (an outcome's funders, a
 * metric's conflicting figures, evidence) are short in the reports' graph, and ten keeps a
 * request that nests them honest without refusing real ones.
 */
const UNPAGED_LIST_SIZE = 10;

/**
 * Refuses, before any resolver runs, a request that may read more than HLP_MAX_READ_COST items
 * (see read-cost.ts): HTTP 400 with extensions.code READ_COST_EXCEEDED, saying what it counted.
 * Runs at execution time because only then are the variables coerced: page sizes given as
 * variables count like literals.
 */
export function useReadCost(config: Config): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const cost = readCost(
        args.schema,
        args.document,
        args.operationName,
        (args.variableValues ?? {}) as Record<string, unknown>,
        { defaultPageSize: config.paging.defaultSize, unpagedListSize: UNPAGED_LIST_SIZE },
      );
      if (cost <= config.maxReadCost) return;
      setResultAndStopExecution({
        errors: [
          new GraphQLError(
            `This request may read ${cost.toLocaleString('en-GB')} items, over the limit of ${config.maxReadCost.toLocaleString('en-GB')}: ask for smaller pages (first:, last:) or fewer nested lists.`,
            {
              extensions: {
                code: 'READ_COST_EXCEEDED',
                cost,
                limit: config.maxReadCost,
                http: { status: 400 },
              },
            },
          ),
        ],
      });
    },
  };
}
