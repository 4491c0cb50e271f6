import type { ApiError, Loaded } from '../api.js';

export function Failure(props: { readonly error: ApiError; readonly what: string }) {
  return (
    <div class="notice error" role="alert">
      <p>
        Could not load {props.what}: {props.error.message}
        {props.error.code ? <span class="code"> ({props.error.code})</span> : null}
      </p>
    </div>
  );
}

export function Loading(props: { readonly what: string }) {
  return (
    <p class="loading" role="status">
      Loading {props.what}…
    </p>
  );
}

/** Renders a query's state: loading, its error, or `done` with the data. */
export function Show<T>(props: {
  readonly loaded: Loaded<T>;
  readonly what: string;
  readonly done: (data: T) => preact.ComponentChildren;
}) {
  const { loaded } = props;
  if (loaded.state === 'loading') return <Loading what={props.what} />;
  if (loaded.state === 'error') return <Failure error={loaded.error} what={props.what} />;
  return <>{props.done(loaded.data)}</>;
}
