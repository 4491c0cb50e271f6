import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const OPEN = new Set<string>([TokenKind.BRACE_L, TokenKind.PAREN_L, TokenKind.BRACKET_L]);
const CLOSE = new Set<string>([TokenKind.BRACE_R, TokenKind.PAREN_R, TokenKind.BRACKET_R]);

/**
 * How deep a GraphQL document nests its brackets ({ selections, ( arguments, [ lists), read with
 * graphql-js's own lexer (which does not recurse, so strings, block strings with escaped quotes and
 * comments count exactly as the parser will read them). Read before parsing: graphql-js parses by
 * recursion, and a few thousand brackets (well under the token limit) overflow the stack. A
 * document the lexer rejects gets the depth read so far; the parser then says what is wrong.
 */
export function bracketDepth(text: string): number {
  const lexer = new Lexer(new Source(text));
  let depth = 0;
  let deepest = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if (OPEN.has(token.kind)) deepest = Math.max(deepest, ++depth);
      else if (CLOSE.has(token.kind)) depth--;
    }
  } catch {
    // A lexical error: parsing will report it.
  }
  return deepest;
}

/**
 * Refuses a document whose brackets nest deeper than `max` before it is parsed: 400 and
 * DEPTH_LIMIT_EXCEEDED, like a query nested past the depth limit (which needs a parse to count).
 */
export function useNestingLimit(max: number): Plugin {
  return {
    onParams({ params, setResult }) {
      if (typeof params.query !== 'string') return;
      const depth = bracketDepth(params.query);
      if (depth <= max) return;
      setResult({
        errors: [
          new GraphQLError(`the document nests brackets ${depth} deep, over the limit of ${max}`, {
            extensions: { code: 'DEPTH_LIMIT_EXCEEDED', http: { status: 400 } },
          }),
        ],
      });
    },
  };
}
