import { useEffect, useState } from 'preact/hooks';

/** A refusal or failure the API answered, with its code (BAD_USER_INPUT, NOT_FOUND, STORE_BUSY ...). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

interface GraphqlBody<T> {
  readonly data?: T | null;
  readonly errors?: readonly { readonly message: string; readonly extensions?: { readonly code?: string } }[];
}

/**
 * One GraphQL operation against this service's public endpoint: the explorer uses nothing else.
 * The CSRF header marks the request as the page's own (the service refuses simple cross-site posts).
 */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      'x-graphql-yoga-csrf': 'explorer',
    },
    body: JSON.stringify({ query, variables }),
  });
  let body: GraphqlBody<T>;
  try {
    body = (await response.json()) as GraphqlBody<T>;
  } catch {
    throw new ApiError(`The service answered ${response.status} with no GraphQL body.`, null);
  }
  const error = body.errors?.[0];
  if (error) throw new ApiError(error.message, error.extensions?.code ?? null);
  if (!body.data) throw new ApiError('The service answered with no data.', null);
  return body.data;
}

export type Loaded<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly error: ApiError }
  | { readonly state: 'done'; readonly data: T };

/**
 * Runs `query` whenever `key` changes (the view's URL, say); an answer to an older key is dropped.
 * No variables: nothing to ask yet. `run` replaces the single request (a view that pages).
 */
export function useQuery<T>(
  query: string,
  variables: Record<string, unknown> | null,
  key: string,
  run: (variables: Record<string, unknown>) => Promise<T> = (v) => gql<T>(query, v),
): Loaded<T> {
  // The answer is kept with the key it answers: a view never shows another address's data.
  const [loaded, setLoaded] = useState<{ readonly key: string; readonly value: Loaded<T> } | null>(null);
  useEffect(() => {
    if (!variables) return;
    let current = true;
    run(variables).then(
      (data) => current && setLoaded({ key, value: { state: 'done', data } }),
      (error: unknown) =>
        current &&
        setLoaded({
          key,
          value: {
            state: 'error',
            error: error instanceof ApiError ? error : new ApiError(String(error), null),
          },
        }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return loaded && loaded.key === key && variables ? loaded.value : { state: 'loading' };
}
