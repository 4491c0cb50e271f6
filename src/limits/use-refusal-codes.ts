import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * The codes of the refusals this plugin gives, by what graphql-armor or graphql-js says. Armor words
 * every refusal as "Syntax Error: …"; the prefix is dropped, the code says what was refused.
 */
const LIMITS: readonly [RegExp, string][] = [
  [/^(Syntax Error: )?Token limit/, 'TOKEN_LIMIT_EXCEEDED'],
  [/^(Syntax Error: )?Query depth limit/, 'DEPTH_LIMIT_EXCEEDED'],
  [/^(Syntax Error: )?Aliases limit/, 'ALIAS_LIMIT_EXCEEDED'],
  [/^(Syntax Error: )?Directives limit/, 'DIRECTIVE_LIMIT_EXCEEDED'],
];

function refusal(error: GraphQLError, fallback: string): GraphQLError {
  const limit = LIMITS.find(([pattern]) => pattern.test(error.message));
  const message = limit ? error.message.replace(/^Syntax Error: /, '') : error.message;
  const code = limit?.[1] ?? (error.extensions['code'] as string | undefined) ?? fallback;
  return new GraphQLError(message, {
    nodes: error.nodes ?? null,
    source: error.source ?? null,
    positions: error.positions ?? null,
    extensions: { ...error.extensions, code, http: { status: 400 } },
  });
}

/**
 * One error per distinct message, with the locations of all its repeats: a document that repeats a
 * mistake (the same unknown directive a thousand times) gets one error saying where, not an answer
 * that grows with the document.
 */
function mergeRepeats(errors: readonly Error[]): GraphQLError[] {
  const byMessage = new Map<string, GraphQLError[]>();
  for (const error of errors) {
    const graphqlError = error instanceof GraphQLError ? error : new GraphQLError(error.message);
    byMessage.set(error.message, [...(byMessage.get(error.message) ?? []), graphqlError]);
  }
  return [...byMessage.values()].flatMap(([first, ...more]) => {
    if (!first) return [];
    if (more.length === 0) return [first];
    return [
      new GraphQLError(first.message, {
        nodes: [first, ...more].flatMap((e) => e.nodes ?? []),
        source: first.source ?? null,
        extensions: first.extensions,
      }),
    ];
  });
}

/**
 * Gives every request the service refuses before running it a 4xx and a stable extensions.code,
 * whatever the client accepts: a document that does not parse (GRAPHQL_PARSE_FAILED), one that does
 * not validate (GRAPHQL_VALIDATION_FAILED), and armor's limits (TOKEN_, DEPTH_, ALIAS_,
 * DIRECTIVE_LIMIT_EXCEEDED). Yoga would answer these with 200 for `application/json`; the issue's
 * clients need the status to tell a refusal from an answer without parsing the body.
 */
export function useRefusalCodes(): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      // Yoga parses GET variables and extensions with JSON.parse and lets a SyntaxError through as
      // an unexpected error (500 and a stack in the log): refuse them here with what is wrong.
      if (request.method !== 'GET') return;
      for (const name of ['variables', 'extensions']) {
        const raw = url.searchParams.get(name);
        if (raw === null) continue;
        try {
          JSON.parse(raw);
        } catch {
          endResponse(
            Response.json(
              {
                errors: [
                  { message: `the ${name} parameter is not valid JSON`, extensions: { code: 'BAD_REQUEST' } },
                ],
              },
              { status: 400 },
            ),
          );
          return;
        }
      }
    },
    onParse() {
      return ({ result, replaceParseResult }) => {
        if (result instanceof GraphQLError) replaceParseResult(refusal(result, 'GRAPHQL_PARSE_FAILED'));
      };
    },
    onValidate() {
      return ({ result, setResult }) => {
        if (result.length > 0)
          setResult(mergeRepeats(result).map((e) => refusal(e, 'GRAPHQL_VALIDATION_FAILED')));
      };
    },
    onResultProcess({ result }) {
      // Yoga marks parse and validation errors `spec` after the hooks above, which makes it answer
      // them with 200 to application/json clients; every refusal here is a 4xx whatever the client
      // accepts, so the mark is taken off last.
      if (Array.isArray(result) || !('errors' in result) || !result.errors) return;
      for (const error of result.errors) {
        const extensions = error.extensions as Record<string, unknown> | undefined;
        const http = extensions?.['http'] as { spec?: boolean } | undefined;
        if (http?.spec) http.spec = false;
        // Yoga copies a JSON parser's own error into the answer; the message says enough.
        if (extensions) delete extensions['originalError'];
        // graphql-js words a variable that does not coerce this way, and gives it no code; yoga's
        // CSRF prevention gives its refusal none either.
        if (extensions && !extensions['code']) {
          if (/^Variable "\$/.test(error.message)) extensions['code'] = 'BAD_USER_INPUT';
          else if (/CSRF/.test(error.message)) extensions['code'] = 'CSRF_HEADER_MISSING';
          else if (/^Schema is not configured to execute/.test(error.message)) {
            // A mutation or subscription: this API only reads.
            extensions['code'] = 'OPERATION_NOT_SUPPORTED';
            extensions['http'] = { status: 400 };
          }
        }
      }
    },
  };
}

/** Armor's rejection hook: report the refusal as a validation error instead of throwing it. */
export function reportRefusal(context: unknown, error: GraphQLError): void {
  if (context && typeof context === 'object' && 'reportError' in context) {
    (context as { reportError(e: GraphQLError): void }).reportError(error);
  }
}
