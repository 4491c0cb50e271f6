/**
 * Named store errors with stable codes. Adapters map engine errors to these in one place each; the
 * API and the CLI only ever see these, so a user reads the same code whichever engine runs.
 */
export class StoreError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** The store cannot be reached (Neo4j down, wrong URI, connection refused or timed out). */
export class StoreUnavailableError extends StoreError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('STORE_UNAVAILABLE', message, options);
  }
}

/** Another process holds the embedded store's directory. */
export class StoreLockedError extends StoreError {
  readonly directory: string;
  constructor(directory: string, options?: { cause?: unknown }) {
    super(
      'STORE_LOCKED',
      `the embedded store at ${directory} is in use by another process; stop it or set HLP_DATA_DIR to another directory`,
      options,
    );
    this.directory = directory;
  }
}

/** A query ran longer than the configured timeout and was stopped. */
export class StoreTimeoutError extends StoreError {
  constructor(query: string, timeoutMs: number, options?: { cause?: unknown }) {
    super('STORE_TIMEOUT', `query ${query} took longer than ${timeoutMs} ms and was stopped`, options);
  }
}

/** Credentials were refused. */
export class StoreAuthError extends StoreError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('STORE_AUTH_FAILED', message, options);
  }
}

/** The engine rejected or failed a query for another reason. */
export class StoreQueryError extends StoreError {
  constructor(query: string, detail: string, options?: { cause?: unknown }) {
    super('STORE_QUERY_FAILED', `query ${query} failed: ${detail}`, options);
  }
}

/** An engine handed back a row that does not fit the graph model (a store written by other code). */
export class RowShapeError extends StoreError {
  constructor(what: string, detail: string) {
    super('STORE_ROW_INVALID', `${what} read from the store does not fit the graph model: ${detail}`);
  }
}

/** The cypher/ tree is broken: refuse to start rather than fail on the first request. */
export class CypherTreeError extends StoreError {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super('CYPHER_TREE_INVALID', `the cypher/ tree is broken:\n  ${problems.join('\n  ')}`);
    this.problems = problems;
  }
}

/** A request read more than it may send back (HLP_MAX_RESPONSE_BYTES): its reads were stopped. */
export class ReadTooLargeError extends StoreError {
  /** `what`: the bound it went past (HLP_MAX_RESPONSE_BYTES, or the engine's memory for one transaction). */
  constructor(what: string, options?: { cause?: unknown }) {
    super('RESPONSE_TOO_LARGE', `the request read more than ${what} and was stopped`, options);
  }
}

/**
 * A network analysis still running when its request's time was up (HLP_REQUEST_TIMEOUT_MS): it
 * goes on off the event loop and is cached, so asking again shortly gets it.
 */
export class NetworkPendingError extends StoreError {
  constructor(waitedMs: number) {
    super('NETWORK_PENDING', `the network analysis is still running after ${waitedMs} ms`);
  }
}

/**
 * A network not yet analysed was asked for while as many analyses as the service runs at once
 * (HLP_NETWORK_ANALYSES) were running: each takes a core and memory for minutes on a big graph, so
 * one more is refused rather than queued without end.
 */
export class NetworkBusyError extends StoreError {
  constructor(running: number) {
    super('NETWORK_BUSY', `${running} network analyses are running, as many as the service runs at once`);
  }
}

/** The engine had no memory free for a query (Kuzu's buffer pool, Neo4j's memory pools): try again. */
export class StoreBusyError extends StoreError {
  readonly query: string;
  /** `hint`: what the user can do about it, where there is something. */
  constructor(query: string, options?: { cause?: unknown; hint?: string }) {
    super(
      'STORE_BUSY',
      `query ${query} found no memory free in the store${options?.hint ? `: ${options.hint}` : ''}`,
      options,
    );
    this.query = query;
  }
}

/**
 * Another load holds the store (Neo4j: it renewed the load lease recently), or took it over from
 * this one: loads write a staged graph the switch then serves, so two at once would mix.
 */
export class LoadInProgressError extends StoreError {
  constructor(message: string) {
    super('LOAD_IN_PROGRESS', message);
  }
}
