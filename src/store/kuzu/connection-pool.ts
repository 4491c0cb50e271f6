/**
 * A fixed set of resources handed out one borrower at a time. A Kuzu connection runs one query at a
 * time, so concurrent requests each need their own; waiting borrowers are served in arrival order.
 */
export class ResourcePool<T> {
  private readonly idle: T[];
  private readonly waiting: ((resource: T) => void)[] = [];
  private readonly size: number;
  private closed = false;
  private onAllReturned: (() => void) | null = null;

  constructor(resources: readonly T[]) {
    this.idle = [...resources];
    this.size = resources.length;
  }

  /**
   * Refuses new borrowers and resolves once every resource is back, so the caller can release them
   * (closing a Kuzu connection while one of its results is open can crash the process).
   */
  closeWhenReturned(): Promise<void> {
    this.closed = true;
    if (this.idle.length === this.size) return Promise.resolve();
    return new Promise((resolve) => {
      this.onAllReturned = resolve;
    });
  }

  /** Runs `work` with a resource and always gives it back, even when `work` throws. */
  async use<R>(work: (resource: T) => Promise<R>): Promise<R> {
    if (this.closed) throw new Error('the pool is closed');
    const resource = await this.acquire();
    try {
      return await work(resource);
    } finally {
      this.release(resource);
    }
  }

  private acquire(): Promise<T> {
    const resource = this.idle.pop();
    if (resource !== undefined) return Promise.resolve(resource);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(resource: T): void {
    const next = this.waiting.shift();
    if (next) next(resource);
    else this.idle.push(resource);
    if (this.closed && this.idle.length === this.size) this.onAllReturned?.();
  }
}

/**
 * Runs tasks strictly one after another. Every Kuzu write goes through one gate, so there is never
 * more than one write transaction in flight.
 */
export class SerialGate {
  private tail: Promise<unknown> = Promise.resolve();

  run<R>(task: () => Promise<R>): Promise<R> {
    const result = this.tail.then(task, task);
    // The next task waits for this one to settle, whether it succeeded or not.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
