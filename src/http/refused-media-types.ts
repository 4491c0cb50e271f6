import type { Plugin } from 'graphql-yoga';

/** The POST bodies the API reads: JSON, and a bare GraphQL document (yoga's application/graphql). */
const ACCEPTED = new Set(['application/json', 'application/graphql+json', 'application/graphql']);

/**
 * Refuses a POST to /graphql with any other body type with 415 and UNSUPPORTED_MEDIA_TYPE (yoga
 * answers those with an empty 415). A form (application/x-www-form-urlencoded, multipart/form-data)
 * in particular: a form is what a cross-site page can post without asking.
 */
export function useRefusedMediaTypes(): Plugin {
  return {
    onRequest({ request, url, endResponse }) {
      if (request.method !== 'POST' || url.pathname !== '/graphql') return;
      const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (ACCEPTED.has(type)) return;
      endResponse(
        Response.json(
          {
            errors: [
              {
                message: `a POST body of type ${type || '(none)'} is not accepted: send application/json`,
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
