import { GraphQLError } from 'graphql';

/** An argument the caller got wrong: a malformed id, a bad cursor, a page size out of range. */
export function badUserInput(message: string): GraphQLError {
  // A refusal is a 4xx whatever the client accepts (see limits/use-refusal-codes.ts).
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
}

/** A well-formed reference to something the graph does not hold. */
export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });
}

/**
 * Something the service serves from outside the store is not there (a report's text when the sources
 * folder is not mounted). Not the client's doing: GraphQL's 200, the field null, this error beside it.
 */
export function sourcesUnavailable(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'SOURCES_UNAVAILABLE' } });
}
