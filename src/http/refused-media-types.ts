import type { Plugin } from 'graphql-yoga';

/**
 * Refuses a POST whose body is a form (application/x-www-form-urlencoded or multipart/form-data)
 * with 415: a form is what a cross-site page can post without asking, and this API takes JSON.
 */
export function useRefusedMediaTypes(): Plugin {
  return {
    onRequest({ request, endResponse }) {
      if (request.method !== 'POST') return;
      const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (type !== 'application/x-www-form-urlencoded' && type !== 'multipart/form-data') return;
      endResponse(
        Response.json(
          {
            errors: [
              {
                message: `a POST body of type ${type} is not accepted: send application/json`,
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
