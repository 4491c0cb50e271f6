import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * How deep a GraphQL document nests its brackets ({ selections, ( arguments, [ lists), skipping
 * strings and comments. Read before parsing: graphql-js parses by recursion, and a few thousand
 * brackets (well under the token limit) overflow the stack.
 */
export function bracketDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '#') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (c === '"') {
      if (text.startsWith('"""', i)) {
        const end = text.indexOf('"""', i + 3);
        i = end === -1 ? text.length : end + 2;
      } else {
        for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
      }
    } else if (c === '{' || c === '(' || c === '[') {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === '}' || c === ')' || c === ']') {
      depth--;
    }
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
