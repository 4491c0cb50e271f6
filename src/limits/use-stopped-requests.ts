import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Codes of a request stopped as a whole while it ran: past its deadline, or reading too much. */
const STOPPING_CODES = new Set(['STORE_TIMEOUT', 'RESPONSE_TOO_LARGE']);

/**
 * A request stopped while it ran answers as a refusal: one error with its code and a 4xx, no data.
 * Once stopped, every field still to read fails the same way; the partial data would be a body
 * built from some reads and not others, and a hundred copies of one error say nothing more.
 */
export function useStoppedRequests(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || !('errors' in result) || !result.errors) return;
      const stop = result.errors.find((e) => STOPPING_CODES.has(String(e.extensions?.['code'])));
      if (!stop) return;
      setResult({
        errors: [new GraphQLError(stop.message, { extensions: { ...stop.extensions } })],
      });
    },
  };
}
