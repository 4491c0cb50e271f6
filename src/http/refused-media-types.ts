import type { Plugin } from 'graphql-yoga';
import { isGraphqlPath } from './graphql-endpoint.js';

/** The POST bodies the API reads: JSON, and a bare GraphQL document (yoga's application/graphql). */
const ACCEPTED = ['application/json', 'application/graphql+json', 'application/graphql'];

/** Yoga's own rule: the first type given, exactly, or followed by parameters (`;charset=…`). */
function readable(contentType: string | null): boolean {
  const first = contentType?.split(',')[0] ?? '';
  return ACCEPTED.some((type) => first === type || first.startsWith(`${type};`));
}

/**
 * Refuses a POST to /graphql with any other body type with 415 and UNSUPPORTED_MEDIA_TYPE (yoga
 * answers those with an empty 415). A form (application/x-www-form-urlencoded, multipart/form-data)
 * in particular: a form is what a cross-site page can post without asking.
 */
export function useRefusedMediaTypes(): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      if (request.method !== 'POST' || !isGraphqlPath(url)) return;
      const contentType = request.headers.get('content-type');
      if (readable(contentType)) return;
      const type = contentType?.split(';')[0]?.trim() ?? '';
      endResponse(
        Response.json(
          {
            errors: [
              {
                message: `a POST body of type ${type || '(none)'} is not accepted: send application/json (exactly; parameters such as charset may follow a ;)`,
                extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' },
              },
            ],
          },
          { status: 415 },
        ),
      );
    },
  };
}
